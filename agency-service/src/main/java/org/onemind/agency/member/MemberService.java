package org.onemind.agency.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.onemind.agency.agency.AgencyService;
import org.onemind.agency.history.HistoryLog;
import org.onemind.agency.identity.IdentityProvider;
import org.onemind.agency.member.MemberRequests.InviteMember;
import org.onemind.agency.member.MemberResponse.MemberStatus;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.AccessRevocations;
import org.onemind.platform.security.Roles;

/**
 * Agency managers live in Keycloak: a user with the {@code agency-manager} realm role and the
 * {@code agency_id} attribute (which the token carries as a claim). Inviting creates or finds the
 * user and has Keycloak email a link to set a password; removing takes role and attribute away.
 */
@ApplicationScoped
public class MemberService {
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    static final String VERIFY_EMAIL = "VERIFY_EMAIL";

    @Inject
    IdentityProvider identity;

    @Inject
    HistoryLog history;

    @Inject
    AgencyService agencies;

    @Inject
    AccessRevocations revocations;

    @Inject
    org.onemind.agency.events.AgencyEvents events;

    @Transactional
    public Invitation invite(UUID agencyId, InviteMember request) {
        agencies.find(agencyId);
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        Invitation invitation = identity.call("invite the member", realm -> {
            Optional<UserRepresentation> existing =
                    realm.users().searchByEmail(email, true).stream().findFirst();
            if (existing.isPresent()) {
                return addExisting(realm, agencyId, existing.get());
            }
            return createAndInvite(realm, agencyId, email, request);
        });
        if (invitation.created()) {
            history.record(agencyId, "member invited", null, invitation.member());
        }
        return invitation;
    }

    public List<MemberResponse> list(UUID agencyId) {
        agencies.find(agencyId);
        return identity.call("list the members", realm -> {
            List<MemberResponse> members = new ArrayList<>();
            int first = 0;
            List<UserRepresentation> page;
            do {
                page = realm.users()
                        .searchByAttributes(first, 100, true, false, Roles.AGENCY_ID_CLAIM + ":" + agencyId);
                page.stream()
                        .filter(user -> managesAgency(realm, user, agencyId))
                        .map(user -> response(user, agencyId))
                        .forEach(members::add);
                first += page.size();
            } while (page.size() == 100);
            members.sort(Comparator.comparing(MemberResponse::email));
            return members;
        });
    }

    @Transactional
    public void remove(UUID agencyId, UUID memberId) {
        agencies.find(agencyId);
        MemberResponse removed = identity.call("remove the member", realm -> {
            UserResource user = realm.users().get(memberId.toString());
            UserRepresentation representation = findUser(user)
                    .filter(u -> agencyId.toString().equals(attribute(u, Roles.AGENCY_ID_CLAIM)))
                    .orElseThrow(() -> ApiException.notFound("member", memberId));
            MemberResponse before = response(representation, agencyId);
            user.roles().realmLevel().remove(List.of(managerRole(realm)));
            representation.getAttributes().remove(Roles.AGENCY_ID_CLAIM);
            user.update(representation);
            // Their refresh tokens die now; the access tokens already issued are refused from now on.
            user.logout();
            return before;
        });
        Instant now = Instant.now();
        revocations.revoke(AccessRevocations.user(memberId.toString()), now);
        events.accessRevoked(AccessRevocations.user(memberId.toString()), now, agencyId, null);
        history.record(agencyId, "member removed", removed, null);
    }

    private Invitation addExisting(RealmResource realm, UUID agencyId, UserRepresentation user) {
        String current = attribute(user, Roles.AGENCY_ID_CLAIM);
        if (current != null && !current.equals(agencyId.toString()) && hasManagerRole(realm, user)) {
            throw ApiException.conflict(
                    "member-of-another-agency", "this person already manages another agency; remove them there first");
        }
        if (agencyId.toString().equals(current) && hasManagerRole(realm, user)) {
            return new Invitation(response(user, agencyId), false);
        }
        UserResource resource = realm.users().get(user.getId());
        Map<String, List<String>> attributes = user.getAttributes() == null
                ? new java.util.HashMap<>()
                : new java.util.HashMap<>(user.getAttributes());
        attributes.put(Roles.AGENCY_ID_CLAIM, List.of(agencyId.toString()));
        user.setAttributes(attributes);
        resource.update(user);
        resource.roles().realmLevel().add(List.of(managerRole(realm)));
        return new Invitation(response(user, agencyId), true);
    }

    private Invitation createAndInvite(RealmResource realm, UUID agencyId, String email, InviteMember request) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(request.firstName().trim());
        user.setLastName(request.lastName().trim());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setAttributes(Map.of(Roles.AGENCY_ID_CLAIM, List.of(agencyId.toString())));
        user.setRequiredActions(List.of(UPDATE_PASSWORD, VERIFY_EMAIL));
        String userId;
        try (var created = realm.users().create(user)) {
            if (created.getStatus() == 409) {
                throw ApiException.conflict("member-exists", "a person with this email or username already exists");
            }
            if (created.getStatus() == 400) {
                throw ApiException.invalid("email", "the identity provider refused this person's details");
            }
            userId = CreatedResponseUtil.getCreatedId(created);
        }
        UserResource resource = realm.users().get(userId);
        try {
            resource.roles().realmLevel().add(List.of(managerRole(realm)));
            var config = identity.config();
            resource.executeActionsEmail(
                    config.invitationClientId().orElse(null),
                    config.invitationRedirectUri().orElse(null),
                    (int) config.invitationLifespan().toSeconds(),
                    List.of(UPDATE_PASSWORD, VERIFY_EMAIL));
        } catch (RuntimeException e) {
            // No half-made member: without the invitation email nobody could ever use the account.
            resource.remove();
            throw e;
        }
        user.setId(userId);
        user.setCreatedTimestamp(Instant.now().toEpochMilli());
        return new Invitation(response(user, agencyId), true);
    }

    private static Optional<UserRepresentation> findUser(UserResource user) {
        try {
            return Optional.of(user.toRepresentation());
        } catch (jakarta.ws.rs.WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean managesAgency(RealmResource realm, UserRepresentation user, UUID agencyId) {
        return agencyId.toString().equals(attribute(user, Roles.AGENCY_ID_CLAIM)) && hasManagerRole(realm, user);
    }

    private static boolean hasManagerRole(RealmResource realm, UserRepresentation user) {
        return realm.users().get(user.getId()).roles().realmLevel().listEffective().stream()
                .anyMatch(role -> Roles.AGENCY_MANAGER.equals(role.getName()));
    }

    private static RoleRepresentation managerRole(RealmResource realm) {
        return realm.roles().get(Roles.AGENCY_MANAGER).toRepresentation();
    }

    static String attribute(UserRepresentation user, String name) {
        if (user.getAttributes() == null) {
            return null;
        }
        List<String> values = user.getAttributes().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static MemberResponse response(UserRepresentation user, UUID agencyId) {
        boolean invited =
                user.getRequiredActions() != null && user.getRequiredActions().contains(UPDATE_PASSWORD);
        Instant since = user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp());
        return new MemberResponse(
                UUID.fromString(user.getId()),
                agencyId,
                user.getEmail(),
                user.getFirstName(),
                user.getLastName(),
                invited ? MemberStatus.INVITED : MemberStatus.ACTIVE,
                since);
    }

    /** The member, and whether this call made them a member (false: they already were). */
    public record Invitation(MemberResponse member, boolean created) {}
}
