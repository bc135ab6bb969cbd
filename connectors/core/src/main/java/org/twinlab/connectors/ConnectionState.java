package org.twinlab.connectors;

/**
 * The life of a connection. A connector retries on its own; FAILED means it stopped trying
 * (a configuration that cannot work, or {@link Connector#close()}).
 */
public enum ConnectionState { CONNECTING, CONNECTED, RECONNECTING, FAILED }
