package catdata.household;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import catdata.error.InvalidInput;
import catdata.owner.Caller;
import catdata.owner.Role;

/**
 * Invitations into a household: an owner makes one (its code shown once), lists the pending ones,
 * revokes one; anyone signed in accepts a code once, before it expires.
 */
@Service
class InvitationService {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    static final Duration LONGEST_LIFETIME = Duration.ofDays(30);
    /** 128 random bits, as 22 base64url characters. */
    private static final int CODE_BYTES = 16;
    private static final int LONGEST_CODE = 100;

    private final Invitations invitations;
    private final HouseholdAccess access;
    private final FailedAccepts failures;
    private final SecureRandom random = new SecureRandom();

    InvitationService(Invitations invitations, HouseholdAccess access, FailedAccepts failures) {
        this.invitations = invitations;
        this.access = access;
        this.failures = failures;
    }

    @Transactional
    CreatedInvitation create(Caller caller, long household, InvitationRequest request) {
        Role role = RoleNames.of(request.role());
        Duration lifetime = lifetimeOf(request.expiresIn());
        access.requireOwner(caller, household);
        byte[] bytes = new byte[CODE_BYTES];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Invitations.Created created = invitations.create(household, sha256(code), role.wireName(), caller.sub(),
                lifetime);
        return new CreatedInvitation(created.id(), code, role.wireName(), created.expiresAt().toInstant());
    }

    @Transactional(readOnly = true)
    List<Invitation> pending(Caller caller, long household) {
        access.requireOwner(caller, household);
        return invitations.pending(household);
    }

    @Transactional
    void revoke(Caller caller, long household, long id) {
        access.requireOwner(caller, household);
        if (!invitations.revoke(household, id)) {
            throw InvitationRefused.notFound();
        }
    }

    /**
     * Joins the household a code names. The invitation is locked while it is used, so of two
     * accepts at once exactly one succeeds. Failures count against the caller ({@link FailedAccepts}).
     */
    @Transactional
    Accepted accept(Caller caller, AcceptRequest request) {
        failures.check(caller.sub());
        String code = request.code();
        if (code == null || code.isBlank()) {
            throw new InvalidInput("Code is required.");
        }
        Invitations.Found invitation = code.length() > LONGEST_CODE ? null
                : invitations.lockByCode(sha256(code.strip())).orElse(null);
        if (invitation == null || invitation.spent()) {
            failures.record(caller.sub());
            throw InvitationRefused.notFound();
        }
        if (invitation.expired()) {
            failures.record(caller.sub());
            throw InvitationRefused.expired();
        }
        if (invitations.isMember(invitation.household(), caller.sub())) {
            throw InvitationRefused.alreadyMember();
        }
        invitations.use(invitation, caller.sub());
        return new Accepted(invitation.household(), invitation.role());
    }

    private static Duration lifetimeOf(Long seconds) {
        if (seconds == null) {
            return DEFAULT_LIFETIME;
        }
        if (seconds < 1 || seconds > LONGEST_LIFETIME.toSeconds()) {
            throw new InvalidInput("expires_in must be between 1 and " + LONGEST_LIFETIME.toSeconds() + " seconds.");
        }
        return Duration.ofSeconds(seconds);
    }

    private static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
