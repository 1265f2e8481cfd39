package io.kontor.command.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code kontor.security.*}: the users (name, bcrypt hash of the password, roles) and how long a verified
 * credential is trusted before bcrypt runs again.
 */
@ConfigurationProperties("kontor.security")
public record KontorSecurityProperties(@DefaultValue List<User> users,
                                       @DefaultValue("5m") Duration credentialCacheTtl) {

    public record User(String name, String password, List<String> roles) {
    }
}
