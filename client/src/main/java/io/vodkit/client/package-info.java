/**
 * The BytePlus VOD client's public API. {@link io.vodkit.client.VodClient} (made from a
 * {@link io.vodkit.client.VodClientConfig} with {@link io.vodkit.client.Credentials}, plus a
 * {@link io.vodkit.client.http.RetryPolicy} and a {@link io.vodkit.client.url.PlayUrlConfig}) gives one object per
 * job: {@code uploads()} ({@code upload}: {@code UploadRequest}, {@code UploadConfig}, {@code UploadCheckpoints},
 * {@code UploadListener}, {@code UploadResult}), {@code pulls(PollConfig)} ({@code pull}: {@code UrlPullRequest},
 * {@code PullResult}), {@code restorations(version, PollConfig)} ({@code enhance}: {@code EnhanceParams},
 * {@code Execution}), {@code media()} ({@code media}: queries, updates, downloads) and {@code playUrls()}. Failures
 * are {@link io.vodkit.client.VodException}s ({@link io.vodkit.client.VodServiceException} when the service refused,
 * {@code TransportException}, {@code StorageException}); values the service would refuse are
 * {@code limits.InvalidValueException}s, checked once in {@code limits.Limits}. {@code api} holds the request and
 * result values the service defines ({@code MediaSource}, {@code MediaInput}, {@code SourceInfo}, {@code PlayInfo}…).
 *
 * <p>Everything under {@code io.vodkit.client.internal} — request signing, the HTTP transport, the typed OpenAPI
 * steps and their {@code ApiCaller}, the storage gateway and part planning, polling, JSON helpers, the type-A URL
 * signer — may change without notice. Public constructors that take those types are for {@code VodClient};
 * {@link io.vodkit.client.VodClient#api()} still hands out the raw calls to the benchmarks and to the CLI commands
 * not yet on an entry point.
 */
package io.vodkit.client;
