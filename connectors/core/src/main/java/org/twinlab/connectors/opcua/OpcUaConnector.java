package org.twinlab.connectors.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.ConnectorSupport;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.WriteResult;

/**
 * OPC UA connector on Eclipse Milo. Session and subscription work runs in the connector's serial
 * lane, so reconnects and re-subscriptions never race each other; reads and writes go straight
 * through the session with Milo's asynchronous calls. When the
 * session is lost the client is dropped and a new one connects on the connector's own backoff
 * (Milo's own waits grow to 16 s, far too long for a PLC that is back after a second), with every
 * requested signal subscribed afresh.
 */
public final class OpcUaConnector extends ConnectorSupport {
  private static final Logger LOG = LoggerFactory.getLogger(OpcUaConnector.class);
  private static final long RETRY_FAILED_ITEMS_MS = 5_000;

  private final OpcUaConnectorConfig config;
  private final Map<String, SignalRequest> requests = new ConcurrentHashMap<>();
  private final Map<NodeId, NodeId> dataTypes = new ConcurrentHashMap<>();

  // Touched on the worker thread only.
  private final Map<String, OpcUaMonitoredItem> items = new HashMap<>();
  private final Map<String, String> failedItems = new LinkedHashMap<>();
  private OpcUaSubscription subscription;
  private int attempt;

  private volatile OpcUaClient client;
  /** What the server offered and whose certificate was refused at the last connect, to explain a failure. */
  private volatile List<EndpointDescription> offered = List.of();
  private volatile OpcUaPki.UntrustedCertificateException untrusted;
  private volatile java.security.cert.X509Certificate ownCertificate;
  private final java.util.Set<String> refusedLogged = ConcurrentHashMap.newKeySet();
  /** The server's MaxNodesPerRead (0: no limit), read once per session. */
  private volatile long maxNodesPerRead;

  /** @param clock dates the values the server sent with neither a source nor a server time */
  public OpcUaConnector(OpcUaConnectorConfig config, ConnectorListener listener, java.time.Clock clock) {
    super("opcua", config.id(), listener, clock);
    this.config = config;
  }

  @Override
  public void start() {
    emit(ConnectionState.CONNECTING, null);
    worker.execute(this::connect);
    worker.repeat(this::retryFailedItems, RETRY_FAILED_ITEMS_MS);
  }

  private void connect() {
    if (closed) return;
    OpcUaClient c = null;
    try {
      offered = List.of();
      untrusted = null;
      Consumer<OpcUaClientConfigBuilder> secure = secure();
      c = OpcUaClient.create(config.endpointUrl(), this::selectEndpoint,
          t -> t.setConnectTimeout(uint(5_000)),
          b -> {
            b.setApplicationName(LocalizedText.english("twinlab connector " + config.id()));
            b.setApplicationUri(config.applicationUri());
            b.setProductUri("urn:twinlab");
            b.setRequestTimeout(uint(config.requestTimeout().toMillis()));
            secure.accept(b);
            config.clientCustomizer().accept(b);
          });
      c.connect();
      maxNodesPerRead = c.getOperationLimits().maxNodesPerRead().map(Number::longValue).orElse(0L);
      client = c;
      dataTypes.clear();
      createSubscription();
      c.addSessionActivityListener(new SessionWatch(c));
      attempt = 0;
      emit(ConnectionState.CONNECTED, null);
    } catch (Exception e) {
      String why = whyNotConnected(e);
      LOG.debug("{}: connect failed: {}", config.id(), why);
      client = null;
      subscription = null;
      if (c != null) c.disconnectAsync();
      markAllBad(requests.values(), "not connected: " + why);
      emit(ConnectionState.RECONNECTING, why);
      worker.schedule(this::connect, config.backoff().delay(attempt++).toMillis());
    }
  }

  /**
   * Servers often announce their endpoints under a host name the client cannot resolve (a PLC's
   * own name, "localhost"); connect to the host and port the configuration names instead.
   */
  private Optional<EndpointDescription> selectEndpoint(List<EndpointDescription> endpoints) {
    String host = EndpointUtil.getHost(config.endpointUrl());
    int port = EndpointUtil.getPort(config.endpointUrl());
    offered = List.copyOf(endpoints);
    return config.endpointSelector().apply(endpoints).map(e -> EndpointUtil.updateUrl(e, host, port));
  }

  /**
   * The client certificate, trust list and user identity of a secured session. The certificate is
   * made on the first connect and reused; the password is read now, for this session only.
   */
  private Consumer<OpcUaClientConfigBuilder> secure() throws Exception {
    OpcUaSecurity s = config.security();
    if (s.pki().isEmpty()) {
      IdentityProvider login = identityProvider(s.identity(), null);
      return b -> b.setIdentityProvider(login);
    }
    SecurityProviders.install();
    OpcUaPki pki = OpcUaPki.at(s.pki().get());
    OpcUaPki.Own own = pki.ownCertificate();
    ownCertificate = own.certificate();
    // servers check that the session's application URI is the one in the client certificate
    String applicationUri = OpcUaPki.applicationUri(own.certificate());
    CertificateValidator trustList = pki.validator();
    CertificateValidator watched = (chain, uri, hosts) -> {
      try {
        trustList.validateCertificateChain(chain, uri, hosts);
      } catch (OpcUaPki.UntrustedCertificateException e) {
        untrusted = e;
        throw e;
      }
    };
    IdentityProvider login = identityProvider(s.identity(), watched);
    return b -> b.setApplicationUri(applicationUri)
        .setKeyPair(own.keyPair())
        .setCertificate(own.certificate())
        .setCertificateChain(new java.security.cert.X509Certificate[] {own.certificate()})
        .setCertificateValidator(watched)
        .setIdentityProvider(login);
  }

  private static IdentityProvider identityProvider(OpcUaIdentity identity, CertificateValidator validator) {
    if (identity instanceof OpcUaIdentity.Username u) {
      return validator == null ? new UsernameProvider(u.username(), u.password().get())
          : new UsernameProvider(u.username(), u.password().get(), validator);
    }
    if (identity instanceof OpcUaIdentity.X509 x) return new X509IdentityProvider(x.certificate(), x.privateKey());
    return new AnonymousProvider();
  }

  /** Says why a connect failed in the words an operator can act on. */
  private String whyNotConnected(Exception e) {
    OpcUaPki.UntrustedCertificateException refused = untrusted;
    Throwable t = e;
    while (refused == null && t != null) {
      if (t instanceof OpcUaPki.UntrustedCertificateException u) refused = u;
      t = t.getCause() == t ? null : t.getCause();
    }
    if (refused != null) {
      // once per certificate: the retries say nothing new, and the state carries the reason meanwhile
      if (refusedLogged.add(refused.thumbprint())) LOG.warn("{}: {}", config.id(), refused.getMessage());
      return refused.getMessage();
    }
    List<EndpointDescription> seen = offered;
    if (!seen.isEmpty() && config.endpointSelector().apply(seen).isEmpty()) {
      return "the server offers no endpoint for " + config.security().describe() + "; it offers "
          + seen.stream().map(OpcUaConnectorConfig::describe).distinct().reduce((a, b) -> a + ", " + b).orElse("none");
    }
    String why = describe(e);
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    if (root instanceof UaException ua) {
      long code = ua.getStatusCode().getValue();
      if (code == StatusCodes.Bad_UserAccessDenied || code == StatusCodes.Bad_IdentityTokenRejected
          || code == StatusCodes.Bad_IdentityTokenInvalid) {
        return "the server refused the login as " + login() + " (" + StatusQuality.name(ua.getStatusCode()) + ")";
      }
      if ((code == StatusCodes.Bad_SecurityChecksFailed || code == StatusCodes.Bad_CertificateUntrusted) && ownCertificate != null) {
        // a server that does not know our certificate yet answers so: its administrator must trust own/cert.der
        return "the server refused the secure channel (" + StatusQuality.name(ua.getStatusCode())
            + "); it may not trust this client's certificate " + OpcUaPki.thumbprint(ownCertificate) + " yet";
      }
    }
    return why;
  }

  private String login() {
    OpcUaIdentity identity = config.security().identity();
    if (identity instanceof OpcUaIdentity.Username u) return "user " + u.username();
    if (identity instanceof OpcUaIdentity.X509 x) return "certificate " + OpcUaPki.thumbprint(x.certificate());
    return "anonymous";
  }

  private void createSubscription() throws UaException {
    OpcUaSubscription s = new OpcUaSubscription(client, config.publishingIntervalMs());
    s.setSubscriptionListener(new Notifications());
    s.create();
    subscription = s;
    items.clear();
    failedItems.clear();
    addItems(new ArrayList<>(requests.values()));
  }

  /** Creates monitored items; nodes the server refuses are reported BAD and retried later. */
  private void addItems(List<SignalRequest> wanted) throws UaException {
    if (subscription == null || wanted.isEmpty()) return;
    NamespaceTable namespaces = client.getNamespaceTable();
    List<OpcUaMonitoredItem> created = new ArrayList<>();
    for (SignalRequest r : wanted) {
      Optional<NodeId> node = NodeAddress.resolve(r.address(), namespaces);
      if (node.isEmpty()) {
        failedItems.put(r.signal(), "unknown namespace or malformed node id");
        continue;
      }
      OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node.get());
      item.setSamplingInterval(r.samplingIntervalMs());
      item.setQueueSize(uint(1));
      if (r.deadband() > 0) {
        item.setFilter(new DataChangeFilter(DataChangeTrigger.StatusValue, uint(DeadbandType.Absolute.getValue()), r.deadband()));
      }
      item.setUserObject(r);
      created.add(item);
      items.put(r.signal(), item);
    }
    subscription.addMonitoredItems(created);
    try {
      subscription.synchronizeMonitoredItems();
    } catch (MonitoredItemSynchronizationException e) {
      LOG.debug("{}: some monitored items failed: {}", config.id(), e.getMessage());
    }
    List<OpcUaMonitoredItem> refused = new ArrayList<>();
    for (OpcUaMonitoredItem item : created) {
      StatusCode result = item.getCreateResult().orElse(StatusCode.BAD);
      if (!result.isGood()) {
        SignalRequest r = (SignalRequest) item.getUserObject().orElseThrow();
        failedItems.put(r.signal(), StatusQuality.name(result));
        items.remove(r.signal());
        refused.add(item);
      }
    }
    if (!refused.isEmpty()) subscription.removeMonitoredItems(refused);
    List<Sample> bad = new ArrayList<>();
    failedItems.forEach((signal, why) -> {
      SignalRequest r = requests.get(signal);
      if (r != null) bad.add(new Sample(signal, r.address(), null, clock.instant(), Quality.bad(why)));
    });
    if (!bad.isEmpty()) listener.onSamples(bad);
  }

  private void retryFailedItems() {
    if (closed || state != ConnectionState.CONNECTED || failedItems.isEmpty()) return;
    List<SignalRequest> retry = failedItems.keySet().stream().map(requests::get).filter(r -> r != null).toList();
    failedItems.clear();
    try {
      addItems(retry);
    } catch (UaException e) {
      retry.forEach(r -> failedItems.put(r.signal(), describe(e)));
    }
  }

  private void rebuildSubscription(String why) {
    if (closed || client == null) return;
    LOG.info("{}: rebuilding subscription ({})", config.id(), why);
    try {
      dataTypes.clear();
      createSubscription();
      emit(ConnectionState.CONNECTED, null);
    } catch (UaException e) {
      emit(ConnectionState.RECONNECTING, "re-subscribing failed: " + describe(e));
      worker.schedule(() -> rebuildSubscription(why), config.backoff().delay(attempt++).toMillis());
    }
  }

  @Override
  public CompletableFuture<Void> subscribe(List<SignalRequest> signals) {
    for (SignalRequest r : signals) {
      if (!NodeAddress.isWellFormed(r.address())) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("'" + r.address() + "' is not an OPC UA node id"));
      }
    }
    return onWorker(() -> {
      List<SignalRequest> fresh = new ArrayList<>();
      for (SignalRequest r : signals) {
        if (requests.put(r.signal(), r) != null) removeItem(r.signal());
        fresh.add(r);
      }
      if (state == ConnectionState.CONNECTED) addItems(fresh);
      return null;
    });
  }

  @Override
  public CompletableFuture<Void> unsubscribe(Collection<String> signalIds) {
    return onWorker(() -> {
      signalIds.forEach(id -> {
        requests.remove(id);
        failedItems.remove(id);
        removeItem(id);
      });
      if (subscription != null && state == ConnectionState.CONNECTED) subscription.synchronizeMonitoredItems();
      return null;
    });
  }

  private void removeItem(String signal) {
    OpcUaMonitoredItem item = items.remove(signal);
    if (item != null && subscription != null) subscription.removeMonitoredItem(item);
  }

  /**
   * Reads current values, split to respect the server's MaxNodesPerRead. Like writes, reads do not
   * wait in the connector's lane: a slow server answer holds up no reconnect or subscription.
   */
  public CompletableFuture<List<Sample>> read(List<String> addresses) {
    OpcUaClient c = client;
    if (c == null || state != ConnectionState.CONNECTED) {
      return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + config.endpointUrl()));
    }
    List<NodeId> nodes = new ArrayList<>();
    for (String a : addresses) {
      Optional<NodeId> node = NodeAddress.resolve(a, c.getNamespaceTable());
      if (node.isEmpty()) return CompletableFuture.failedFuture(new IllegalArgumentException("'" + a + "' is not a node id"));
      nodes.add(node.get());
    }
    long limit = maxNodesPerRead;
    List<CompletableFuture<List<DataValue>>> parts = new ArrayList<>();
    for (List<NodeId> part : Partitions.of(nodes, limit)) parts.add(c.readValuesAsync(0, TimestampsToReturn.Both, part));
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<Sample> out = new ArrayList<>();
      int i = 0;
      for (CompletableFuture<List<DataValue>> part : parts) {
        for (DataValue dv : part.join()) {
          out.add(toSample(addresses.get(i), addresses.get(i), dv));
          i++;
        }
      }
      return out;
    });
  }

  /** Writes straight through the session, converted along the node's DataType (read once, then kept). */
  @Override
  public CompletableFuture<WriteResult> write(String address, Object value) {
    OpcUaClient c = client;
    if (c == null || state != ConnectionState.CONNECTED) {
      return CompletableFuture.completedFuture(WriteResult.unavailable("not connected to " + config.endpointUrl()));
    }
    Optional<NodeId> resolved = NodeAddress.resolve(address, c.getNamespaceTable());
    if (resolved.isEmpty()) return CompletableFuture.failedFuture(new IllegalArgumentException("'" + address + "' is not a node id"));
    NodeId node = resolved.get();
    return dataType(c, node).thenCompose(type -> {
      if (type == null) return CompletableFuture.completedFuture(WriteResult.failed("cannot read the data type of " + address));
      org.eclipse.milo.opcua.stack.core.types.builtin.Variant variant;
      try {
        variant = Values.coerce(value, type);
      } catch (IllegalArgumentException e) {
        return CompletableFuture.completedFuture(WriteResult.typeMismatch(e.getMessage() + " (" + address + ")"));
      }
      return c.writeAsync(List.of(new WriteValue(node, AttributeId.Value.uid(), null, DataValue.valueOnly(variant))))
          .handle((response, e) -> {
            // no answer: the link broke or timed out under the request
            if (e != null) return WriteResult.unavailable("no answer from " + config.endpointUrl() + ": " + describe(e));
            StatusCode status = response.getResults()[0];
            return status.isGood() ? WriteResult.OK : WriteResult.failed(StatusQuality.name(status));
          });
    });
  }

  private CompletableFuture<NodeId> dataType(OpcUaClient c, NodeId node) {
    NodeId known = dataTypes.get(node);
    if (known != null) return CompletableFuture.completedFuture(known);
    return c.readAsync(0, TimestampsToReturn.Neither, List.of(new ReadValueId(node, AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE)))
        .handle((response, e) -> {
          if (e != null) return null;
          DataValue dv = response.getResults()[0];
          if (!(dv.statusCode().isGood() && dv.value().getValue() instanceof NodeId type)) return null;
          dataTypes.put(node, type);
          return type;
        });
  }

  /**
   * Asks the server about named nodes, one answer per address in order: whether each is a
   * variable, its DataType and whether it may be read and written. Used to check bindings
   * against a rig before anything subscribes.
   */
  public CompletableFuture<List<NodeFacts>> inspect(List<String> addresses) {
    return onWorker(() -> new NodeInspector(connected()).inspect(addresses));
  }

  @Override
  public CompletableFuture<List<DiscoveredSignal>> discover(String address) {
    return onWorker(() -> new AddressSpaceBrowser(connected()).browse(address));
  }

  @Override
  public void close() {
    OpcUaClient c = client;
    shutDown(() -> {
      if (c != null) {
        try {
          c.disconnectAsync().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.debug("{}: disconnect: {}", config.id(), e.toString());
        }
      }
    });
  }

  private OpcUaClient connected() throws UaException {
    OpcUaClient c = client;
    if (c == null || state != ConnectionState.CONNECTED) {
      throw new UaException(StatusCodes.Bad_NotConnected, "not connected to " + config.endpointUrl());
    }
    return c;
  }

  private interface Work<T> {
    T run() throws Exception;
  }

  private <T> CompletableFuture<T> onWorker(Work<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      worker.execute(() -> {
        try {
          f.complete(work.run());
        } catch (Exception e) {
          f.completeExceptionally(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(new IllegalStateException("connector " + config.id() + " is closed"));
    }
    return f;
  }

  private Sample toSample(String signal, String address, DataValue dv) {
    DateTime t = dv.sourceTime() != null ? dv.sourceTime() : dv.serverTime();
    Instant at = t != null && t.isValid() ? t.getJavaInstant() : clock.instant();
    Quality q = StatusQuality.of(dv.statusCode());
    return new Sample(signal, address, q.isBad() ? null : Values.toJava(dv.value()), at, q);
  }

  /** Data from the server; runs on Milo's delivery queue, serially, and must not block. */
  private final class Notifications implements OpcUaSubscription.SubscriptionListener {
    @Override
    public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> changed, List<DataValue> values) {
      List<Sample> out = new ArrayList<>(changed.size());
      for (int i = 0; i < changed.size(); i++) {
        Object user = changed.get(i).getUserObject().orElse(null);
        if (user instanceof SignalRequest r) out.add(toSample(r.signal(), r.address(), values.get(i)));
      }
      listener.onSamples(out);
    }

    /**
     * A gap in the notifications (a reconnect, publish answers lost on a busy link) that the server
     * could not fill: it no longer holds them (Republish answers Bad_MessageNotAvailable, as the
     * protocol allows). One line says so; values carry on from the next change. Milo's own warning,
     * with its stack trace, is turned off in the app's logging configuration.
     */
    @Override
    public void onNotificationDataLost(OpcUaSubscription s) {
      LOG.warn("{}: some notifications were lost and the server could not send them again; values resume with the next change",
          config.id());
    }

    @Override
    public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
      later(() -> rebuildSubscription("transfer failed: " + StatusQuality.name(status)));
    }

    @Override
    public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
      if (status.isBad()) later(() -> rebuildSubscription("subscription status " + StatusQuality.name(status)));
    }
  }

  /** A lost session ends its client: the connector connects anew on its own backoff. */
  private final class SessionWatch implements SessionActivityListener {
    private final OpcUaClient owner;

    SessionWatch(OpcUaClient owner) {
      this.owner = owner;
    }

    @Override
    public void onSessionInactive(UaSession session) {
      later(() -> {
        if (closed || client != owner) return; // a client already dropped says goodbye too
        client = null;
        subscription = null;
        items.clear();
        failedItems.clear();
        owner.disconnectAsync();
        markAllBad(requests.values(), "connection lost");
        emit(ConnectionState.RECONNECTING, "session lost");
        attempt = 0;
        worker.schedule(OpcUaConnector.this::connect, config.backoff().delay(attempt++).toMillis());
      });
    }
  }
}
