package org.onemind.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a webhook may be sent: an HTTPS URL whose host resolves to public addresses only, so that a
 * subscriber cannot make the platform call into its own network (SSRF: loopback, private, link-local
 * and cloud-metadata addresses, carrier-grade NAT, unique-local IPv6). The check runs when a
 * subscription is made and again before every delivery (the name may resolve elsewhere by then).
 * The local stack and the tests allow {@code http://localhost} receivers
 * ({@code onemind.webhooks.allow-private-targets}).
 */
@ApplicationScoped
public class WebhookTargets {

    @ConfigProperty(name = "onemind.webhooks.allow-private-targets", defaultValue = "false")
    boolean allowPrivate;

    /** @return why {@code url} is refused, or empty when it may receive webhooks */
    public Optional<String> refusal(String url) {
        return refusal(url, allowPrivate);
    }

    static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of("must be an https:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("has no host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to a private, loopback or link-local address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 224; // multicast and reserved
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
