package org.onemind.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.tracing.EventSpans;
import org.onemind.platform.tracing.Traces;

/** Sends outbox events as CloudEvents (binary mode) with an idempotent, {@code acks=all} producer. */
@ApplicationScoped
public class KafkaEventPublisher {

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /**
     * How long the producer keeps trying to deliver a batch (and the relay waits for it). Long on
     * purpose: a batch that gives up may still have been written, and its retry from the outbox is
     * then a duplicate. Records still buffered when a broker comes back are delivered once, by the
     * same idempotent producer.
     */
    @ConfigProperty(name = "onemind.outbox.delivery-timeout", defaultValue = "PT2M")
    java.time.Duration deliveryTimeout;

    @jakarta.inject.Inject
    EventSpans spans;

    @jakarta.inject.Inject
    MeterRegistry registry;

    private volatile KafkaProducer<String, String> producer;

    /** Sends every event and returns only when the broker acknowledged all of them; throws otherwise. */
    public void publishAll(List<OutboxEvent> events) {
        KafkaProducer<String, String> kafkaProducer = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        List<Span> publishes = new ArrayList<>(events.size());
        try {
            // Metadata first: a broker that is away refuses the whole batch here, before any record is
            // handed to the producer. (Otherwise each send waits max.block.ms and fails on its own,
            // and records sent after the broker returns mid-loop are delivered although the batch
            // failed, then published again with the retry.)
            events.stream().map(OutboxEvent::topic).distinct().forEach(kafkaProducer::partitionsFor);
            for (OutboxEvent event : events) {
                Span publish = spans.publish(
                        event.topic(), event.id().toString(), event.type(), event.subject(), event.traceparent());
                publishes.add(publish);
                Future<RecordMetadata> ack =
                        kafkaProducer.send(toRecord(event, Traces.traceparentOf(publish.getSpanContext())));
                if (ack.isDone()) {
                    ack.get(); // refused at once (the topic vanished, say): stop sending the rest
                }
                acks.add(ack);
            }
            kafkaProducer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            for (OutboxEvent event : events) {
                published(event).increment();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(kafkaProducer);
            throw failed(publishes, new IllegalStateException("interrupted while publishing", e));
        } catch (ExecutionException | TimeoutException e) {
            discard(kafkaProducer);
            throw failed(publishes, new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            discard(kafkaProducer); // send() itself refused (no metadata within max.block.ms, say)
            throw failed(publishes, new IllegalStateException("Kafka did not take the batch: " + e.getMessage(), e));
        } finally {
            publishes.forEach(Span::end);
        }
    }

    private Counter published(OutboxEvent event) {
        return Counter.builder("onemind.events.published")
                .description("Outbox events acknowledged by Kafka")
                .tag("topic", event.topic())
                .tag("type", event.type())
                .register(registry);
    }

    private static IllegalStateException failed(List<Span> publishes, IllegalStateException failure) {
        publishes.forEach(publish -> EventSpans.failed(publish, failure));
        return failure;
    }

    /**
     * Drops a producer whose batch failed, with whatever it still buffers: the rows stay unsent and
     * are published again, so the old copies must not reach the broker late (seen as duplicates after
     * a broker outage: records buffered by a failed attempt were delivered beside the retry).
     */
    private void discard(KafkaProducer<String, String> failed) {
        synchronized (this) {
            if (producer == failed) {
                producer = null;
            }
        }
        failed.close(java.time.Duration.ZERO);
    }

    /** The wait for acknowledgements: the producer's own delivery timeout, and a little more. */
    public java.time.Duration sendTimeout() {
        return deliveryTimeout.plusSeconds(10);
    }

    /** Sends one record and returns when the broker acknowledged it; throws otherwise. */
    public void send(ProducerRecord<String, String> record) {
        KafkaProducer<String, String> kafkaProducer = producer();
        try {
            kafkaProducer.send(record).get(sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(kafkaProducer);
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            discard(kafkaProducer);
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
        }
    }

    ProducerRecord<String, String> toRecord(OutboxEvent event, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEvent.SPEC_VERSION, "1.0");
        add(headers, CloudEvent.ID, event.id().toString());
        add(headers, CloudEvent.TYPE, event.type());
        add(headers, CloudEvent.SOURCE, "/" + applicationName);
        add(headers, CloudEvent.TIME, event.createdAt().toString());
        add(headers, CloudEvent.SUBJECT, event.subject());
        add(headers, CloudEvent.CONTENT_TYPE, "application/json");
        add(headers, CloudEvent.TRACEPARENT, traceparent);
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
                    props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
                    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
                    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
                    // A topic whose metadata cannot be had fails the batch quickly (nothing was sent);
                    // a batch in flight is given the whole delivery timeout (see deliveryTimeout).
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryTimeout.toMillis()));
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
                    current = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    void onStop(@Observes ShutdownEvent event) {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(5));
        }
    }
}
