package org.interchange.mgmt;

import java.io.IOException;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The error page of the web application ({@code web.xml}): what Tomcat answers itself (a path outside the admin
 * API, an exception that escaped a filter) gets a {@link Problem} body instead of Tomcat's HTML page, which shows
 * the exception and Tomcat's version.
 */
public class ErrorPages extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer number ? number : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        response.resetBuffer();
        ProblemMapper.problemFor(code).write(response);
    }
}
