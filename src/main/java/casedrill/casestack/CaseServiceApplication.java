package casedrill.casestack;

import casedrill.casestack.auth.ApiTokens;
import casedrill.casestack.auth.TokenInterceptor;
import casedrill.casestack.db.RetryBudget;
import casedrill.casestack.web.NodeHeadersFilter;
import casedrill.casestack.web.RequestSizeLimitFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The case service's Spring configuration; started only through {@link CaseNode}. */
@SpringBootApplication
public class CaseServiceApplication implements WebMvcConfigurer {
    private final ApiTokens tokens;

    public CaseServiceApplication(Environment env) {
        this.tokens = ApiTokens.from(role -> env.getProperty(role.tokenProperty()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TokenInterceptor(tokens)).addPathPatterns("/api/**");
    }

    @Bean
    RetryBudget retryBudget(@Value("${casedrill.db.retry-budget:10s}") Duration budget, MeterRegistry meters) {
        Counter retries = Counter.builder("casestack.db.retries")
                .description("Idempotent database attempts repeated after a transient failure").register(meters);
        return RetryBudget.ofSystemTime(budget, failure -> retries.increment());
    }

    @Bean
    FilterRegistrationBean<NodeHeadersFilter> nodeHeaders(@Value("${casedrill.node.name}") String node,
            @Value("${casedrill.node.site}") String site) {
        var registration = new FilterRegistrationBean<>(new NodeHeadersFilter(node, site));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${casedrill.http.max-request-body:16KB}") DataSize max) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(max.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

}
