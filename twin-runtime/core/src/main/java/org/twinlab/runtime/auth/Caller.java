package org.twinlab.runtime.auth;

/** Who makes a request, once their token is checked: the account name and its role. */
public record Caller(String name, Role role) {
  public boolean is(Role r) {
    return role == r;
  }
}
