package casedrill.casestack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Names the serving node and site on every response, errors and actuator included. */
public final class NodeHeadersFilter extends OncePerRequestFilter {
    private final String node;
    private final String site;

    public NodeHeadersFilter(String node, String site) {
        this.node = node;
        this.site = site;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(ServedHeaders.NODE, node);
        response.setHeader(ServedHeaders.SITE, site);
        chain.doFilter(request, response);
    }
}
