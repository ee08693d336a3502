package io.boardclerk.bot.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Teams single sign-on tokens as Entra ID issues them for BoardClerk's Application ID URI, signed with a key generated
 * for the test (published through {@link FakeConnector#publishSigningKeys}), and a second key nobody published.
 */
public final class SsoTokens {

    private final RSAKey key;
    private final RSAKey stranger;
    private final String authority;

    public SsoTokens(String authority) {
        this.authority = authority;
        try {
            key = new RSAKeyGenerator(2048).keyID("entra-test-key").generate();
            stranger = new RSAKeyGenerator(2048).keyID("entra-test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published keys: the public half of the test key only. */
    public String jwkSet() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A valid v2 token for {@code audience}, for the user {@code oid} of tenant {@code tid}, issued at {@code now}. */
    public JWTClaimsSet.Builder claims(String audience, String tid, String oid, Instant now) {
        return new JWTClaimsSet.Builder().issuer(authority + "/" + tid + "/v2.0").audience(audience)
                .claim("tid", tid).claim("oid", oid).claim("name", "Test User").claim("ver", "2.0")
                .issueTime(Date.from(now.minusSeconds(60))).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    public String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, key);
    }

    public String sign(JWTClaimsSet.Builder claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims), key);
    }

    /** The same claims signed by a key the authority never published. */
    public String signByStranger(JWTClaimsSet.Builder claims) {
        return sign(claims, stranger);
    }

    private static String sign(JWTClaimsSet.Builder claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
