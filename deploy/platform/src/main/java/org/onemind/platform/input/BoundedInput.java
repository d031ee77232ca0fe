package org.onemind.platform.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.onemind.platform.problem.ApiException;

/** A request body read up to a limit; one byte more is a 413 problem, whatever the Content-Length said. */
public final class BoundedInput extends FilterInputStream {
    private final long limit;
    private final String refusal;
    private long read;

    public BoundedInput(InputStream in, long limit, String refusal) {
        super(in);
        this.limit = limit;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    /** Bytes read so far. */
    public long count() {
        return read;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new ApiException(413, "body-too-large", "Request body too large", refusal, null);
        }
    }
}
