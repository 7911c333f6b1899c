package org.interchange.it.support.container;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.interchange.it.support.ChildProcess;
import org.interchange.it.support.RouterEnvironment;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;

/**
 * One run of the router: {@code bin/interchange} of an {@link Installation}, as an operator starts it. Its console
 * output goes to {@code logs/router.log}; it counts as started once it prints "Interchange ready". It is stopped
 * with SIGTERM, as the launcher expects, and killed only if it does not stop in time ({@link ChildProcess}).
 */
final class RouterProcess {

    /** What the launcher prints once the listeners are open and the WAR is deployed. */
    static final String READY_LINE = "Interchange ready";

    private static final int LOG_TAIL_LINES = 60;

    private final ChildProcess process;
    private final Installation installation;

    private RouterProcess(ChildProcess process, Installation installation) {
        this.process = process;
        this.installation = installation;
    }

    /**
     * Starts the router and waits until it is ready.
     *
     * @throws DeploymentException when it exits first (status 1: a listener could not bind or the WAR failed;
     *                             2: bad configuration) or is not ready in time; the message has the log's tail
     */
    static RouterProcess start(Installation installation, String javaOptions, Duration timeout,
                               Duration stopTimeout) throws DeploymentException {
        ProcessBuilder launcher = new ProcessBuilder(installation.launcher().toString())
                .directory(installation.directory().toFile());
        Map<String, String> environment = launcher.environment();
        RouterEnvironment.clearOverrides(environment);
        environment.put("INTERCHANGE_CONFIG", installation.configuration().toString());
        environment.put("INTERCHANGE_DATA", installation.data().toString());
        environment.put("JAVA_OPTS", javaOptions);
        RouterProcess router;
        try {
            router = new RouterProcess(ChildProcess.start(launcher, installation.log()), installation);
        } catch (IOException e) {
            throw new DeploymentException("cannot run " + installation.launcher(), e);
        }
        boolean ready;
        try {
            ready = router.process.awaitOutput(timeout, READY_LINE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            router.stop(stopTimeout);
            throw router.failure("start interrupted");
        }
        if (!ready) {
            boolean exited = !router.process.isAlive();
            int status = router.stop(stopTimeout);
            throw router.failure(exited ? "exited with status " + status + " before it was ready"
                    : "did not print \"" + READY_LINE + "\" within " + timeout.toSeconds() + " s");
        }
        return router;
    }

    /** Sends SIGTERM and waits for the router to stop; kills it when it does not stop in time. Its exit status. */
    int stop(Duration timeout) {
        process.note("stopping the router");
        return process.stop(timeout);
    }

    private DeploymentException failure(String what) {
        return new DeploymentException("The router " + installation.launcher() + " (pid " + process.pid() + ") "
                + what + ". Last lines of " + installation.log() + ":\n" + process.tail(LOG_TAIL_LINES));
    }
}
