package dev.livescoreboard.command.admin;

/**
 * Response of {@code POST /api/v1/admin/users}.
 *
 * @param received how many entries the request had
 * @param created how many users were new
 * @param updated how many existing users were updated
 */
record ProvisionUsersResponse(int received, int created, int updated) {}
