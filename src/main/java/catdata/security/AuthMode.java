package catdata.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Local mode is on when neither {@code AUTH0_DOMAIN} nor {@code OIDC_ISSUER} is set. The two
 * conditions keep local-mode beans and configured-issuer beans from ever coexisting.
 */
public final class AuthMode {

    private AuthMode() {
    }

    static boolean isLocal(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("catdata.auth.auth0-domain"))
                && !StringUtils.hasText(environment.getProperty("catdata.auth.oidc-issuer"));
    }

    /** Matches in local mode. */
    public static final class Local implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isLocal(context.getEnvironment());
        }
    }

    /** Matches when a real issuer is configured. */
    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isLocal(context.getEnvironment());
        }
    }
}
