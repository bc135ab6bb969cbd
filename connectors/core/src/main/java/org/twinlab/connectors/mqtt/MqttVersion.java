package org.twinlab.connectors.mqtt;

/** The protocol level to speak; brokers in labs run either. */
public enum MqttVersion { V5, V3_1_1 }
