package org.interchange.registrar;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;

import org.interchange.core.BeanLookup;
import org.interchange.core.SipEdge;

/**
 * The SIP entry point for REGISTER ({@code sip.xml} maps it). What needs no database is decided on the SIP stack's
 * thread: REGISTERs for domains the router does not serve go on to the proxy servlet (a named dispatcher, which must
 * run on the container's thread), challenges and refusals are answered at once, and so is a REGISTER whose bindings
 * location writes behind. Bindings written through to the database are written on a thread of the
 * {@link RegistrarQueue}, which answers, so that a slow database never holds the threads every message shares.
 */
public class RegistrarServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient Registrar registrar;
    private transient RegistrarQueue queue;

    @Override
    public void init() throws ServletException {
        super.init();
        registrar = BeanLookup.bean(Registrar.class);
        queue = BeanLookup.bean(RegistrarQueue.class);
    }

    @Override
    protected void doRegister(SipServletRequest request) throws ServletException, IOException {
        SipEdge.handle(request, registrar::admit, admission -> {
            if (admission instanceof Registrar.Answer answer) {
                SipEdge.send(request, answer.reply());
            } else if (admission instanceof Registrar.Accepted accepted) {
                SipEdge.answerLater(request, queue, () -> registrar.store(accepted));
            } else {
                getServletContext().getNamedDispatcher("proxy").forward(request, null);
            }
        });
    }
}
