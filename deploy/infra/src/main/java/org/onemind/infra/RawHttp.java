package org.onemind.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, so a test can send what a hostile client sends and a well-behaved
 * library refuses to: broken percent-encoding, malformed headers, a Content-Length with no body.
 */
public final class RawHttp {
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;

    public RawHttp(String baseUri) {
        URI uri = URI.create(baseUri);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** Sends the request exactly as given (the target is not encoded) and reads the whole answer. */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder(method)
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(host)
                    .append(':')
                    .append(port)
                    .append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Length"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer (413) and close before it has read everything we send.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + method + " " + abbreviated(target), e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                all.write(buffer, 0, n);
                if (complete(all.toByteArray())) {
                    break; // a server that answered before reading our body may keep the connection open
                }
            }
        } catch (IOException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("an incomplete answer: " + new String(bytes, StandardCharsets.UTF_8));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the bytes hold a whole answer with a Content-Length (chunked answers are read to the end). */
    private static boolean complete(byte[] bytes) {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return false;
        }
        for (String line : new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return bytes.length - end - 4
                        >= Long.parseLong(line.substring(15).trim());
            }
        }
        return false;
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(
                    java.util.Arrays.copyOfRange(chunked, at, chunked.length),
                    "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(chunked, at, Math.min(size, chunked.length - at));
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
