package org.twinlab.sim;

/**
 * One signal of a simulated rig.
 *
 * @param path the model property it stands for ("belt.speed")
 * @param block the PLC data block or the sensor node's JSON section ("DB_Sorting")
 * @param group the struct inside the block, one OPC UA folder per component ("Belt")
 * @param tag the member name ("Speed")
 */
public record SimSignal(String path, String block, String group, String tag, SignalType type, boolean writable) {

  /** The S7/CODESYS-style symbolic node id, e.g. {@code "DB_Sorting"."Belt"."Speed"}. */
  public String symbol() {
    return "\"" + block + "\".\"" + group + "\".\"" + tag + "\"";
  }
}
