/**
 * The job queue: background work that survives restarts and runs exactly once across
 * any number of app instances sharing one database.
 *
 * <p>A module enqueues with {@link dev.cruxlog.platform.jobs.JobQueue} inside its own
 * reactive transaction (the job exists only if the business change commits) and handles
 * its kind with a {@link dev.cruxlog.platform.jobs.JobHandler} bean.
 */
@org.springframework.modulith.NamedInterface("jobs")
package dev.cruxlog.platform.jobs;
