package org.interchange.mgmt;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.ext.Provider;

/**
 * Gives every error answer of the admin API a {@link Problem} body, also those that JAX-RS providers build
 * themselves without passing by {@link ProblemMapper} (their bodies may carry parser or exception text).
 */
@Provider
public class ProblemResponses implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || Problem.MEDIA_TYPE.equals(String.valueOf(response.getMediaType()))) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.setEntity(ProblemMapper.problemFor(response.getStatus()).json());
    }
}
