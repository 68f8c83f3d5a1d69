package dev.cruxlog.platform;

import reactor.core.publisher.Mono;

/**
 * {@code Mono.zip} of three to seven sources whose results arrive as named parameters of one
 * function, as Reactor's own two-source {@code zip(a, b, (x, y) -> ...)} does. Reactor gives
 * more sources back as a {@code Tuple}, read by position ({@code getT4()}): a page or a service
 * that gathers five things then names none of them. Like {@code Mono.zip}, the result is empty
 * when any source is empty, and fails as soon as one fails.
 */
public final class Zip {

    private Zip() {
    }

    @FunctionalInterface
    public interface Of3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    @FunctionalInterface
    public interface Of4<A, B, C, D, R> {
        R apply(A a, B b, C c, D d);
    }

    @FunctionalInterface
    public interface Of5<A, B, C, D, E, R> {
        R apply(A a, B b, C c, D d, E e);
    }

    @FunctionalInterface
    public interface Of6<A, B, C, D, E, F, R> {
        R apply(A a, B b, C c, D d, E e, F f);
    }

    @FunctionalInterface
    public interface Of7<A, B, C, D, E, F, G, R> {
        R apply(A a, B b, C c, D d, E e, F f, G g);
    }

    public static <A, B, C, R> Mono<R> of(Mono<A> a, Mono<B> b, Mono<C> c, Of3<A, B, C, R> combine) {
        return Mono.zip(a, b, c).map(all -> combine.apply(all.getT1(), all.getT2(), all.getT3()));
    }

    public static <A, B, C, D, R> Mono<R> of(Mono<A> a, Mono<B> b, Mono<C> c, Mono<D> d, Of4<A, B, C, D, R> combine) {
        return Mono.zip(a, b, c, d).map(all -> combine.apply(all.getT1(), all.getT2(), all.getT3(), all.getT4()));
    }

    public static <A, B, C, D, E, R> Mono<R> of(Mono<A> a, Mono<B> b, Mono<C> c, Mono<D> d, Mono<E> e,
                                                Of5<A, B, C, D, E, R> combine) {
        return Mono.zip(a, b, c, d, e)
                .map(all -> combine.apply(all.getT1(), all.getT2(), all.getT3(), all.getT4(), all.getT5()));
    }

    public static <A, B, C, D, E, F, R> Mono<R> of(Mono<A> a, Mono<B> b, Mono<C> c, Mono<D> d, Mono<E> e, Mono<F> f,
                                                   Of6<A, B, C, D, E, F, R> combine) {
        return Mono.zip(a, b, c, d, e, f).map(all -> combine.apply(all.getT1(), all.getT2(), all.getT3(), all.getT4(),
                all.getT5(), all.getT6()));
    }

    public static <A, B, C, D, E, F, G, R> Mono<R> of(Mono<A> a, Mono<B> b, Mono<C> c, Mono<D> d, Mono<E> e, Mono<F> f,
                                                      Mono<G> g, Of7<A, B, C, D, E, F, G, R> combine) {
        return Mono.zip(a, b, c, d, e, f, g).map(all -> combine.apply(all.getT1(), all.getT2(), all.getT3(), all.getT4(),
                all.getT5(), all.getT6(), all.getT7()));
    }
}
