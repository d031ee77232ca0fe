package org.onemind.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's view of a topic: collects every record from the beginning so a test can wait (with
 * Awaitility) for what it expects, and sends raw records such as duplicates and poison messages.
 */
public final class TopicProbe implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final String bootstrapServers;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> coordinates = new java.util.HashSet<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = topics.length == 0
                ? null
                : new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        if (consumer != null) {
            consumer.subscribe(List.of(topics));
        }
    }

    /** Polls briefly and returns everything seen so far. */
    public synchronized List<ConsumerRecord<String, String>> records() {
        if (consumer == null) {
            return List.of();
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            // A rebalance of the probe's own group (after a broker restart, say) reads from the start
            // again: a record already seen at its offset is not a second record on the topic.
            if (coordinates.add(record.topic() + "-" + record.partition() + "@" + record.offset())) {
                seen.add(record);
            }
        }
        return new ArrayList<>(seen);
    }

    public List<ConsumerRecord<String, String>> recordsOfType(String ceType) {
        return records().stream()
                .filter(r -> ceType.equals(header(r, "ce_type")))
                .toList();
    }

    /**
     * The ids of the rows that chunked events of {@code ceType} about {@code key} carry (the
     * {@code idField} of each object of their {@code arrayField}, or of the event itself when
     * {@code arrayField} is null), a row delivered twice listed twice.
     */
    public List<String> rowIds(String ceType, String key, String arrayField, String idField) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> record : recordsOfType(ceType)) {
            if (!key.equals(record.key())) {
                continue;
            }
            try {
                com.fasterxml.jackson.databind.JsonNode body = JSON.readTree(record.value());
                for (com.fasterxml.jackson.databind.JsonNode row :
                        arrayField == null ? List.of(body) : body.path(arrayField)) {
                    ids.add(row.path(idField).asText());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("not JSON on the topic: " + record.value(), e);
            }
        }
        return ids;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The headers of a CloudEvent (binary mode) of {@code type} about {@code subject}, with a fresh {@code ce_id}. */
    public static Map<String, String> eventHeaders(String type, String subject) {
        return Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                java.util.UUID.randomUUID().toString(),
                "ce_type",
                type,
                "ce_source",
                "/test",
                "ce_time",
                java.time.OffsetDateTime.now().toString(),
                "ce_subject",
                subject,
                "content-type",
                "application/json");
    }

    /** Sends {@code body} as a CloudEvent of {@code type} about the agency, keyed by it. @return its {@code ce_id} */
    public String sendEvent(String topic, String agencyId, String type, String body) {
        Map<String, String> headers = eventHeaders(type, agencyId);
        send(topic, agencyId, body, headers);
        return headers.get("ce_id");
    }

    /**
     * Sends a record (headers included) and waits for the broker's acknowledgement. A sample event
     * of a producer's type must match the producer's JSON Schema ({@link EventSchemas}).
     */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        String type = headers.get("ce_type");
        if (type != null && value != null) {
            EventSchemas.check(type, value);
        }
        sendUnchecked(topic, key, value, headers);
    }

    /** Sends a record as-is, even one that breaks its schema (a poison message, say). */
    public void sendUnchecked(String topic, String key, String value, Map<String, String> headers) {
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(bootstrapServers, servers -> {
            Properties props = new Properties();
            props.put("bootstrap.servers", servers);
            props.put("linger.ms", "0");
            return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        });
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** One producer per broker for the whole test JVM: creating one per send costs more than the send. */
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Sends a copy of a record that was consumed, as a redelivery would. */
    public void resend(ConsumerRecord<String, String> original) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header h : original.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        send(original.topic(), original.key(), original.value(), headers);
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
