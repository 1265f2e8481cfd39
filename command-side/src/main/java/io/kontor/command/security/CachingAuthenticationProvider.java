package io.kontor.command.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a credential with bcrypt once, then trusts the outcome (success or failure) for a short while: a bcrypt
 * check costs tens of milliseconds of CPU, so checking it on every request would cap a 2-core server at a few
 * dozen requests per second. The cache key is an HMAC of name and password under a key that lives only in this
 * process, so neither the password nor a plain hash of it is ever stored.
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    private record Outcome(Authentication authentication, Instant expires) {
    }

    public CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String cacheKey = cacheKey(authentication.getName(), String.valueOf(authentication.getCredentials()));
        Instant now = clock.instant();
        Outcome cached = outcomes.get(cacheKey);
        if (cached == null || cached.expires().isBefore(now)) {
            Authentication verified;
            try {
                verified = delegate.authenticate(authentication);
            } catch (BadCredentialsException e) {
                verified = null;
            }
            if (outcomes.size() >= MAX_ENTRIES) {
                outcomes.values().removeIf(o -> o.expires().isBefore(now));
                if (outcomes.size() >= MAX_ENTRIES) {
                    outcomes.clear();
                }
            }
            cached = new Outcome(verified, now.plus(ttl));
            outcomes.put(cacheKey, cached);
        }
        if (cached.authentication() == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        return cached.authentication();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String cacheKey(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
