package org.twinlab.connectors.opcua;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.twinlab.connectors.Backoff;

/**
 * How to reach one OPC UA server.
 *
 * @param endpointSelector picks the endpoint from the server's list; the default takes the one
 *     matching {@code security}: its policy, its mode and a login of its identity's kind
 * @param security the policy, mode and user identity of the session, and where its certificates live
 * @param publishingIntervalMs how often the server sends notifications
 */
public record OpcUaConnectorConfig(
    String id,
    String endpointUrl,
    double publishingIntervalMs,
    Duration requestTimeout,
    Backoff backoff,
    Function<List<EndpointDescription>, Optional<EndpointDescription>> endpointSelector,
    Consumer<OpcUaClientConfigBuilder> clientCustomizer,
    OpcUaSecurity security) {

  public static OpcUaConnectorConfig of(String id, String endpointUrl) {
    return new OpcUaConnectorConfig(id, endpointUrl, 100, Duration.ofSeconds(10), Backoff.DEFAULT,
        OpcUaConnectorConfig::anonymousWithoutSecurity, b -> {}, OpcUaSecurity.NONE);
  }

  public OpcUaConnectorConfig withPublishingInterval(double ms) {
    return new OpcUaConnectorConfig(id, endpointUrl, ms, requestTimeout, backoff, endpointSelector, clientCustomizer, security);
  }

  public OpcUaConnectorConfig withBackoff(Backoff b) {
    return new OpcUaConnectorConfig(id, endpointUrl, publishingIntervalMs, requestTimeout, b, endpointSelector, clientCustomizer, security);
  }

  /** Secures the session as {@code s} says, and picks the endpoint that matches it. */
  public OpcUaConnectorConfig withSecurity(OpcUaSecurity s) {
    return new OpcUaConnectorConfig(id, endpointUrl, publishingIntervalMs, requestTimeout, backoff, matching(s), clientCustomizer, s);
  }

  /** The application URI an unsecured session announces; a secured one announces its certificate's. */
  public String applicationUri() {
    return "urn:twinlab:connector:" + id;
  }

  /** The first endpoint with the policy and mode of {@code s} that accepts its identity's kind of login. */
  public static Function<List<EndpointDescription>, Optional<EndpointDescription>> matching(OpcUaSecurity s) {
    return endpoints -> endpoints.stream()
        .filter(e -> s.policy().milo().getUri().equals(e.getSecurityPolicyUri()))
        .filter(e -> e.getSecurityMode() == s.mode().milo())
        .filter(e -> Stream.of(e.getUserIdentityTokens() == null ? new UserTokenPolicy[0] : e.getUserIdentityTokens())
            .anyMatch(p -> p.getTokenType() == s.identity().tokenType()))
        .findFirst();
  }

  /** e.g. "Basic256Sha256/SignAndEncrypt (Anonymous, UserName)", for saying what a server offers. */
  public static String describe(EndpointDescription e) {
    String policy = SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(Enum::name).orElse(e.getSecurityPolicyUri());
    String logins = Stream.of(e.getUserIdentityTokens() == null ? new UserTokenPolicy[0] : e.getUserIdentityTokens())
        .map(p -> p.getTokenType().name()).distinct().reduce((a, b) -> a + ", " + b).orElse("no login");
    return policy + "/" + e.getSecurityMode() + " (" + logins + ")";
  }

  public static Optional<EndpointDescription> anonymousWithoutSecurity(List<EndpointDescription> endpoints) {
    return endpoints.stream()
        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
        .filter(e -> Stream.of(e.getUserIdentityTokens() == null ? new UserTokenPolicy[0] : e.getUserIdentityTokens())
            .anyMatch(p -> p.getTokenType() == UserTokenType.Anonymous))
        .findFirst();
  }
}
