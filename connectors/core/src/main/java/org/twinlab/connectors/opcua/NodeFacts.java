package org.twinlab.connectors.opcua;

import java.util.Optional;

/**
 * What a server says about one node a configuration names, before anything subscribes to it.
 *
 * @param missing why the node cannot be used at all (unknown namespace, no such node, not a
 *     variable), or empty when it is a variable
 * @param dataType the name of its DataType as the server calls it (e.g. Float, or a subtype's name)
 * @param builtInType the built-in type values of that DataType travel as (Boolean, Int16, Float,
 *     Double, String...), or empty when the server's type tree does not tell
 * @param readable whether the current value may be read (UserAccessLevel CurrentRead)
 * @param writable whether it may be written (UserAccessLevel CurrentWrite)
 */
public record NodeFacts(String address, Optional<String> missing, String dataType, Optional<String> builtInType,
    boolean readable, boolean writable) {

  static NodeFacts missing(String address, String why) {
    return new NodeFacts(address, Optional.of(why), "", Optional.empty(), false, false);
  }
}
