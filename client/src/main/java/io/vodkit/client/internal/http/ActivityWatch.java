package io.vodkit.client.internal.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When bytes last moved on one exchange: each slice of the request body taken by the HTTP client, the reply's
 * headers, each slice of the reply's body. {@link HttpTransport} abandons an exchange that stays silent too long,
 * which a reply stalled mid-body otherwise never ends (the JDK's request timeout stops at the reply headers).
 */
final class ActivityWatch {

    private final AtomicLong lastNanos = new AtomicLong(System.nanoTime());

    /** Nanoseconds since bytes last moved. */
    long silentNanos() {
        return System.nanoTime() - lastNanos.get();
    }

    private void touch() {
        lastNanos.set(System.nanoTime());
    }

    /** {@code body}, reporting each slice the HTTP client takes from it. */
    HttpRequest.BodyPublisher watch(HttpRequest.BodyPublisher body) {
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                body.subscribe(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscriber.onSubscribe(subscription);
                    }

                    @Override
                    public void onNext(ByteBuffer item) {
                        touch();
                        subscriber.onNext(item);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        subscriber.onError(throwable);
                    }

                    @Override
                    public void onComplete() {
                        subscriber.onComplete();
                    }
                });
            }
        };
    }

    /** {@code handler}, reporting the reply's headers and each slice of its body. */
    <T> HttpResponse.BodyHandler<T> watch(HttpResponse.BodyHandler<T> handler) {
        return info -> {
            touch();
            HttpResponse.BodySubscriber<T> body = handler.apply(info);
            return new HttpResponse.BodySubscriber<>() {
                @Override
                public CompletionStage<T> getBody() {
                    return body.getBody();
                }

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    body.onSubscribe(subscription);
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                    touch();
                    body.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    body.onError(throwable);
                }

                @Override
                public void onComplete() {
                    body.onComplete();
                }
            };
        };
    }
}
