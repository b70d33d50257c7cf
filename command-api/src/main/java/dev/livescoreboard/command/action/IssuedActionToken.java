package dev.livescoreboard.command.action;

/** A freshly signed action token and what it holds. */
record IssuedActionToken(String token, ActionTokenClaims claims) {}
