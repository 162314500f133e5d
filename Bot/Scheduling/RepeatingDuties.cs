using Bot.Domain.Assignments;
using Bot.Storage;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Bot.Scheduling;

/// <summary>
/// Keeps repeating duties alive: once a day (Hangfire <see cref="JobId"/>, 00:05 in Vietnam, and once at start) every
/// published directive with a repeating duty is rolled forward by the importer, so each (task, unit) always has
/// <see cref="Publishing.DefaultPeriodsAhead"/> periods ahead. The importer changes only what is missing and audits each
/// change ("roll-forward"); a run that finds nothing to add writes nothing, so running it again is harmless.
/// </summary>
public sealed class RepeatingDuties(IAssignmentStore assignments, DirectiveImporter importer, INodeCoordination nodes, ILogger<RepeatingDuties> logger)
{
    public const string JobId = "duties-roll-forward";

    /// <summary>Who the audit log names for the job's changes.</summary>
    public const string By = "job:roll-forward";

    /// <summary>One run: rolls every repeating directive forward, on one node at a time. Returns the assignments added.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public int RollForward()
    {
        using var alone = nodes.TryRunAlone(JobId);
        if (alone is null)
        {
            logger.LogInformation("Repeating duties: another node is rolling them forward; this one skips it.");
            return 0;
        }
        var ids = assignments.RepeatingDirectiveIds();
        var added = 0;
        foreach (var id in ids)
        {
            var result = importer.RollForward(id, By);
            added += result.Saved.Inserted;
            foreach (var problem in result.Problems) logger.LogWarning("Repeating duties of {Directive}: {Problem}", id, problem);
        }
        if (added > 0) logger.LogInformation("Repeating duties: {Added} periods added over {Directives} directives", added, ids.Count);
        return added;
    }
}
