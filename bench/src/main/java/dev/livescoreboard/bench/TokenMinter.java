package dev.livescoreboard.bench;

import java.util.List;

/** Issues access tokens as the auth service would. */
interface TokenMinter {

  String mint(String sub, String name, List<String> roles);
}
