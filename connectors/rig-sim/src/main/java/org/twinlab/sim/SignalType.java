package org.twinlab.sim;

/** PLC data types of simulated signals (IEC 61131-3 names), mapped to OPC UA DataTypes by the server. */
public enum SignalType {
  BOOL, INT, DINT, REAL, LREAL, STRING;

  public boolean isNumeric() {
    return this != BOOL && this != STRING;
  }

  public boolean isInteger() {
    return this == INT || this == DINT;
  }
}
