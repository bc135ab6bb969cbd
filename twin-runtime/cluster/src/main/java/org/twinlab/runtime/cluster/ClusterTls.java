package org.twinlab.runtime.cluster;

import java.nio.file.Path;

/**
 * The clustered event bus over TLS, each side showing its certificate and trusting only the lab's
 * CA: a machine without a certificate the CA signed cannot open a connection to a node's event bus.
 *
 * @param cert this node's certificate (PEM), signed by the lab's CA
 * @param key its private key (PEM, readable by its owner only)
 * @param ca the lab's CA certificate (PEM): the only issuer a node trusts
 */
public record ClusterTls(Path cert, Path key, Path ca) {}
