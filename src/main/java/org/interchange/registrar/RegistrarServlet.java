package org.interchange.registrar;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;

import org.interchange.core.BeanLookup;
import org.interchange.core.SipEdge;

/**
 * The SIP entry point for REGISTER ({@code sip.xml} maps it). REGISTERs for domains the router does not serve go
 * on to the proxy servlet.
 */
@javax.servlet.sip.annotation.SipServlet(name = "registrar", loadOnStartup = 1)
public class RegistrarServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient Registrar registrar;

    @Override
    public void init() throws ServletException {
        super.init();
        registrar = BeanLookup.bean(Registrar.class);
    }

    @Override
    protected void doRegister(SipServletRequest request) throws ServletException, IOException {
        SipEdge.handle(request, registrar::register, reply -> {
            if (reply.isPresent()) {
                SipEdge.send(request, reply.get());
            } else {
                getServletContext().getNamedDispatcher("proxy").forward(request, null);
            }
        });
    }
}
