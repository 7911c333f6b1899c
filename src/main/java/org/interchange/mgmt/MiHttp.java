package org.interchange.mgmt;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.interchange.core.BeanLookup;
import org.interchange.mi.JsonRpc;

/**
 * {@code POST /interchange/mi}: the management interface over HTTP, OpenSIPS's {@code mi_http}, behind
 * {@link AdminAuthentication} ({@code web.xml}). Every JSON-RPC answer is a 200, errors included, as OpenSIPS's;
 * a notification gets 202 (as OpenSIPS's), another method 405 and a body over {@value #MAX_BODY} bytes 413.
 */
public class MiHttp extends HttpServlet {

    static final int MAX_BODY = 1 << 20;

    private transient JsonRpc rpc;

    @Override
    public void init() {
        rpc = BeanLookup.bean(JsonRpc.class);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            Problem.ofStatus(413, "an MI request is at most " + MAX_BODY + " bytes").write(response);
            return;
        }
        Optional<String> answer = rpc.answer(body);
        if (answer.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer.get());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            Problem.ofStatus(405, "the MI takes JSON-RPC requests by POST").write(response);
            return;
        }
        doPost(request, response);
    }
}
