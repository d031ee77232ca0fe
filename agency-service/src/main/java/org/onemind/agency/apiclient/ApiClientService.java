package org.onemind.agency.apiclient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.onemind.agency.identity.IdentityProvider;
import org.onemind.agency.organization.Organization;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.AccessRevocations;
import org.onemind.platform.security.Caller;
import org.onemind.platform.security.Roles;

/**
 * A partner organization's API credentials: a confidential Keycloak client with a service account
 * that holds the {@code partner} role, and a hard-coded {@code partner_org_id} claim, so a token
 * obtained with it can only ever speak for that organization.
 */
@ApplicationScoped
public class ApiClientService {
    static final String ORGANIZATION_ATTRIBUTE = "onemind.partner_org_id";
    static final String CREATED_AT_ATTRIBUTE = "onemind.created_at";
    static final String CREATED_BY_ATTRIBUTE = "onemind.created_by";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    IdentityProvider identity;

    @Inject
    AccessRevocations revocations;

    @Inject
    org.onemind.agency.events.AgencyEvents events;

    @Inject
    Caller caller;

    public record CreateApiClient(@NotBlank @Size(max = 100) String name) {}

    /** An API client as listed: never its secret. */
    public record ApiClientResponse(
            UUID id, UUID organizationId, String clientId, String name, Instant createdAt, String createdBy) {}

    /** The answer to a creation: the only time the secret is shown. */
    public record CreatedApiClient(
            UUID id,
            UUID organizationId,
            String clientId,
            String name,
            Instant createdAt,
            String clientSecret,
            String tokenEndpoint) {}

    public CreatedApiClient create(UUID organizationId, CreateApiClient request) {
        Organization organization = partnerOrganization(organizationId);
        Instant now = Instant.now();
        String clientId = prefix(organizationId) + HexFormat.of().formatHex(randomBytes());
        return identity.call("create the API client", realm -> {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName(request.name().trim());
            client.setDescription("One Mind partner API client of " + organization.name);
            client.setEnabled(true);
            client.setProtocol("openid-connect");
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setImplicitFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setFullScopeAllowed(true);
            client.setAttributes(Map.of(
                    ORGANIZATION_ATTRIBUTE,
                    organizationId.toString(),
                    CREATED_AT_ATTRIBUTE,
                    now.toString(),
                    CREATED_BY_ATTRIBUTE,
                    caller.name()));
            client.setProtocolMappers(List.of(organizationClaim(organizationId), audience()));
            String id;
            try (var created = realm.clients().create(client)) {
                id = CreatedResponseUtil.getCreatedId(created);
            }
            ClientResource resource = realm.clients().get(id);
            try {
                var partnerRole = realm.roles().get(Roles.PARTNER).toRepresentation();
                realm.users()
                        .get(resource.getServiceAccountUser().getId())
                        .roles()
                        .realmLevel()
                        .add(List.of(partnerRole));
                String secret = resource.getSecret().getValue();
                return new CreatedApiClient(
                        UUID.fromString(id),
                        organizationId,
                        clientId,
                        client.getName(),
                        now,
                        secret,
                        identity.config().serverUrl() + "/realms/"
                                + identity.config().realm() + "/protocol/openid-connect/token");
            } catch (RuntimeException e) {
                // A client without its role would hand out useless tokens: take it away again.
                resource.remove();
                throw e;
            }
        });
    }

    public List<ApiClientResponse> list(UUID organizationId) {
        partnerOrganization(organizationId);
        return identity.call(
                "list the API clients",
                realm -> clientsOf(realm, organizationId).stream()
                        .map(client -> response(client, organizationId))
                        .sorted(Comparator.comparing(
                                ApiClientResponse::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList());
    }

    /**
     * Deletes the client: new tokens are refused by Keycloak at once, and the tokens it already
     * issued are refused by every service from the moment it learns of the revocation (seconds).
     */
    @jakarta.transaction.Transactional
    public void revoke(UUID organizationId, UUID apiClientId) {
        partnerOrganization(organizationId);
        String clientId = identity.call("revoke the API client", realm -> {
            ClientRepresentation client = clientsOf(realm, organizationId).stream()
                    .filter(c -> apiClientId.toString().equals(c.getId()))
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound("API client", apiClientId));
            realm.clients().get(client.getId()).remove();
            return client.getClientId();
        });
        Instant now = Instant.now();
        revocations.revoke(AccessRevocations.client(clientId), now);
        events.accessRevoked(AccessRevocations.client(clientId), now, null, organizationId);
    }

    private static List<ClientRepresentation> clientsOf(RealmResource realm, UUID organizationId) {
        return realm.clients().findAll(prefix(organizationId), true, true, 0, 1000).stream()
                .filter(c -> c.getAttributes() != null
                        && organizationId.toString().equals(c.getAttributes().get(ORGANIZATION_ATTRIBUTE)))
                .toList();
    }

    private static ApiClientResponse response(ClientRepresentation client, UUID organizationId) {
        String createdAt = client.getAttributes().get(CREATED_AT_ATTRIBUTE);
        return new ApiClientResponse(
                UUID.fromString(client.getId()),
                organizationId,
                client.getClientId(),
                client.getName(),
                createdAt == null ? null : Instant.parse(createdAt),
                client.getAttributes().get(CREATED_BY_ATTRIBUTE));
    }

    private static Organization partnerOrganization(UUID organizationId) {
        Organization organization = Organization.require(organizationId);
        if (!organization.isMentalHealthProvider()) {
            throw ApiException.conflict(
                    "not-a-partner-organization",
                    "only mental-health providers partner with agencies and receive API credentials; this is a "
                            + organization.kind);
        }
        return organization;
    }

    private static String prefix(UUID organizationId) {
        return "partner-" + organizationId + "-";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static ProtocolMapperRepresentation organizationClaim(UUID organizationId) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(Roles.PARTNER_ORG_ID_CLAIM);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
        mapper.setConfig(Map.of(
                "claim.name",
                Roles.PARTNER_ORG_ID_CLAIM,
                "claim.value",
                organizationId.toString(),
                "jsonType.label",
                "String",
                "access.token.claim",
                "true",
                "id.token.claim",
                "false",
                "userinfo.token.claim",
                "false",
                "introspection.token.claim",
                "true"));
        return mapper;
    }

    private ProtocolMapperRepresentation audience() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("one-mind-api audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of(
                "included.client.audience",
                identity.config().apiAudience(),
                "access.token.claim",
                "true",
                "id.token.claim",
                "false",
                "introspection.token.claim",
                "true"));
        return mapper;
    }
}
