package dev.livescoreboard.command.user;

/** How a bulk provisioning went: how many users were new and how many were updated. */
public record ProvisionResult(int created, int updated) {}
