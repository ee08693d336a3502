package io.boardclerk.bot.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The Bot Framework's OpenID configuration and signing keys, served on loopback with a key generated for the test,
 * and a signer for tokens as the Bot Connector issues them.
 */
public final class FakeOpenIdProvider implements AutoCloseable {

    public static final String ISSUER = "https://api.botframework.com";
    public static final String KEY_ID = "test-key-1";

    private final HttpServer server;
    private final KeyPair keys;
    private final KeyPair otherKeys;

    public FakeOpenIdProvider() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/.well-known/openidconfiguration", exchange -> respond(exchange,
                "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + base() + "/v1/.well-known/keys\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\"]}"));
        server.createContext("/v1/.well-known/keys", exchange -> respond(exchange, "{\"keys\":[{\"kty\":\"RSA\","
                + "\"use\":\"sig\",\"kid\":\"" + KEY_ID + "\",\"n\":\"" + b64(((RSAPublicKey) keys.getPublic())
                .getModulus()) + "\",\"e\":\"" + b64(((RSAPublicKey) keys.getPublic()).getPublicExponent())
                + "\",\"endorsements\":[\"msteams\"]}]}"));
        server.start();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String metadataUrl() {
        return base() + "/v1/.well-known/openidconfiguration";
    }

    /** A token as the Bot Connector signs it for a request to the bot. */
    public String token(String audience, String serviceUrl, Instant expires) {
        return sign(audience, serviceUrl, expires, keys);
    }

    /** The Authorization header of a request from the Bot Connector: a token good for the next hour. */
    public String bearer(String audience, String serviceUrl) {
        return "Bearer " + token(audience, serviceUrl, Instant.now().plusSeconds(3600));
    }

    /** The same claims, signed by a key the provider never published. */
    public String tokenSignedByStranger(String audience, String serviceUrl) {
        return sign(audience, serviceUrl, Instant.now().plusSeconds(3600), otherKeys);
    }

    /**
     * A token signed by the published key but with another issuer and extra claims: an Entra token, a skill
     * (bot-to-bot) token or the emulator's, as an attacker holding such a token would send it.
     */
    public String bearerFrom(String issuer, String audience, String serviceUrl, java.util.Map<String, String> claims) {
        var builder = JWT.create().withKeyId(KEY_ID).withIssuer(issuer).withAudience(audience)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(Instant.now().minusSeconds(600)))
                .withExpiresAt(Date.from(Instant.now().plusSeconds(3600)));
        claims.forEach(builder::withClaim);
        return "Bearer " + builder.sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(),
                (RSAPrivateKey) keys.getPrivate()));
    }

    private static String sign(String audience, String serviceUrl, Instant expires, KeyPair pair) {
        return JWT.create().withKeyId(KEY_ID).withIssuer(ISSUER).withAudience(audience)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(Instant.now().minusSeconds(600)))
                .withExpiresAt(Date.from(expires))
                .sign(Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
