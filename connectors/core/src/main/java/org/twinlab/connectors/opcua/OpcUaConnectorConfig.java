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
 * @param endpointSelector picks the endpoint from the server's list; the default takes security
 *     None with anonymous login. A Basic256Sha256 selector plus a {@code clientCustomizer} that sets
 *     the key pair, certificate and identity provider is all signed-and-encrypted sessions need.
 * @param publishingIntervalMs how often the server sends notifications
 */
public record OpcUaConnectorConfig(
    String id,
    String endpointUrl,
    double publishingIntervalMs,
    Duration requestTimeout,
    Backoff backoff,
    Function<List<EndpointDescription>, Optional<EndpointDescription>> endpointSelector,
    Consumer<OpcUaClientConfigBuilder> clientCustomizer) {

  public static OpcUaConnectorConfig of(String id, String endpointUrl) {
    return new OpcUaConnectorConfig(id, endpointUrl, 100, Duration.ofSeconds(10), Backoff.DEFAULT,
        OpcUaConnectorConfig::anonymousWithoutSecurity, b -> {});
  }

  public OpcUaConnectorConfig withPublishingInterval(double ms) {
    return new OpcUaConnectorConfig(id, endpointUrl, ms, requestTimeout, backoff, endpointSelector, clientCustomizer);
  }

  public OpcUaConnectorConfig withBackoff(Backoff b) {
    return new OpcUaConnectorConfig(id, endpointUrl, publishingIntervalMs, requestTimeout, b, endpointSelector, clientCustomizer);
  }

  public static Optional<EndpointDescription> anonymousWithoutSecurity(List<EndpointDescription> endpoints) {
    return endpoints.stream()
        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
        .filter(e -> Stream.of(e.getUserIdentityTokens() == null ? new UserTokenPolicy[0] : e.getUserIdentityTokens())
            .anyMatch(p -> p.getTokenType() == UserTokenType.Anonymous))
        .findFirst();
  }
}
