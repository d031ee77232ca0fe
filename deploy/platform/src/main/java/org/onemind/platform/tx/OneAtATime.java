package org.onemind.platform.tx;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work taken one item per transaction until none is due (the email and webhook dispatchers): a
 * crash or a failed commit affects the item at hand, never a batch.
 */
public final class OneAtATime {
    private OneAtATime() {}

    /**
     * Runs {@code one} in a new transaction of at most {@code timeoutSeconds}, again and again, until it
     * answers empty. A failure (the database, most likely) ends the run and is handed to {@code
     * interrupted}: what is due stays due, and the next nudge or poll takes it.
     *
     * @return how many times {@code one} answered true
     */
    public static int drain(
            int timeoutSeconds, Callable<Optional<Boolean>> one, Consumer<RuntimeException> interrupted) {
        int succeeded = 0;
        try {
            Optional<Boolean> outcome;
            while ((outcome = QuarkusTransaction.requiringNew()
                            .timeout(timeoutSeconds)
                            .call(one))
                    .isPresent()) {
                if (outcome.get()) {
                    succeeded++;
                }
            }
        } catch (RuntimeException e) {
            interrupted.accept(e);
        }
        return succeeded;
    }
}
