package dev.livescoreboard.command.user;

/** A user to provision: id, a valid display name and the public flag. */
public record NewUser(String id, String displayName, boolean publicProfile) {}
