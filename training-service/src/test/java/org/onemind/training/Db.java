package org.onemind.training;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;

/** Reads the service's database from test threads (Awaitility polls outside any request). */
final class Db {
    private Db() {}

    static <T> T read(Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }
}
