package org.interchange.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** The console's files run only the router's own scripts, in no frame, revalidated at every load. */
class ConsoleHeadersTest {

    @Test
    void theConsolesFilesComeWithAPolicyThatRunsOnlyTheRoutersOwnScripts() throws Exception {
        Map<String, String> headers = new HashMap<>();
        boolean[] passedOn = {false};
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> null);

        new ConsoleHeaders().doFilter(request, response, (in, out) -> passedOn[0] = true);

        assertThat(passedOn[0]).isTrue();
        assertThat(headers.get("Content-Security-Policy")).startsWith("default-src 'self';")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Cache-Control", "no-cache");
    }
}
