package dev.livescoreboard.bench;

import dev.livescoreboard.bench.ceiling.PostgresCeiling;
import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.ReadResults;
import dev.livescoreboard.bench.sse.SseResults;
import dev.livescoreboard.bench.ws.FleetResults;
import dev.livescoreboard.bench.ws.PersonalResults;
import dev.livescoreboard.bench.ws.SlowClientResults;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Everything one run measured.
 *
 * @param actions the action load
 * @param completeToUpdate complete response → update showing it (µs), for top-N changes
 * @param fleet the WebSocket fleet
 * @param slowClients the clients that stopped reading (empty without {@code --slow-clients})
 * @param getsOpen the open-model GETs (empty when {@code gets=0})
 * @param getsMax the closed-loop GETs of the top 10
 * @param rankMax the closed-loop GETs of one user's rank, over the users of the top 100
 * @param aroundMax the closed-loop GETs of the entries around those users
 * @param staticFile the static-file ceiling (empty when ceilings are off)
 * @param postgres the write-transaction ceiling (empty when off or no database is known)
 * @param processes memory and CPU of each process (group) over the measured window
 * @param machine the machine's busy cores over the same window
 * @param pipeline the services' own histograms over the window
 * @param sse the SSE readers (empty without {@code --sse})
 * @param personal the authenticated clients' {@code RANK_CHANGED} (empty with {@code --personal=0})
 */
record Measurements(
    BenchOptions options,
    ActionResults actions,
    Histogram completeToUpdate,
    FleetResults fleet,
    Optional<SlowClientResults> slowClients,
    Optional<ReadResults> getsOpen,
    ReadResults getsMax,
    ReadResults rankMax,
    ReadResults aroundMax,
    Optional<ReadResults> staticFile,
    Optional<PostgresCeiling.Result> postgres,
    Map<String, ProcessStats.Usage> processes,
    ProcessStats.MachineCpu machine,
    PipelineMetrics pipeline,
    Optional<SseResults> sse,
    Optional<PersonalResults> personal) {}
