package casedrill.casestack.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the bearer token against the handler's {@link RequiresRole}. Runs before the controller,
 * so refused calls never reach the database. The token itself never appears in a message.
 */
public final class TokenInterceptor implements HandlerInterceptor {
    /** Request attribute holding the caller's {@link Role}. */
    public static final String ROLE_ATTRIBUTE = "casedrill.casestack.role";
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    public TokenInterceptor(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new NotAuthenticatedException("An Authorization: Bearer token is required.");
        }
        Role role = tokens.roleOf(header.substring(BEARER.length()).trim())
                .orElseThrow(() -> new NotAuthenticatedException("The bearer token is not valid."));
        RequiresRole allowed = method.getMethodAnnotation(RequiresRole.class);
        if (allowed == null || !Arrays.asList(allowed.value()).contains(role)) {
            throw new ForbiddenException("The " + role.name().toLowerCase(Locale.ROOT)
                    + " role may not call this operation.");
        }
        request.setAttribute(ROLE_ATTRIBUTE, role);
        return true;
    }
}
