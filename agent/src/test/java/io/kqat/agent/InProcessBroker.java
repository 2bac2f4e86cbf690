package io.kqat.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.ClientRequest;
import org.apache.kafka.clients.ClientResponse;
import org.apache.kafka.clients.KafkaClient;
import org.apache.kafka.clients.LeastLoadedNode;
import org.apache.kafka.clients.RequestCompletionHandler;
import org.apache.kafka.clients.producer.internals.ProducerMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.InitProducerIdResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * A one-node, one-partition broker in the producer's own JVM, seen through Kafka's {@link KafkaClient} interface, so a
 * real {@code KafkaProducer} (its {@code RecordAccumulator} and {@code Sender}) runs unchanged against it. It answers
 * InitProducerId and Produce requests, and validates each batch as a broker does (CRC, then every record decoded):
 * a batch it cannot read is refused with CORRUPT_MESSAGE, as a real broker refuses it.
 */
final class InProcessBroker implements KafkaClient {
    static final String TOPIC = "t";
    private static final Uuid TOPIC_ID = Uuid.randomUuid();

    private final Node node = new Node(0, "localhost", 9092);
    private final Deque<ClientResponse> answers = new ArrayDeque<>();
    private final List<String> values = Collections.synchronizedList(new ArrayList<>());
    private long nextOffset;
    private int corruptBatches;
    private boolean closed;

    /** Metadata naming this broker as the leader of partition 0 of {@link #TOPIC}. */
    void describeTo(ProducerMetadata metadata) {
        long now = System.currentTimeMillis();
        metadata.add(TOPIC, now);
        MetadataResponseData.MetadataResponsePartition partition = new MetadataResponseData.MetadataResponsePartition()
                .setPartitionIndex(0).setLeaderId(node.id()).setLeaderEpoch(0)
                .setReplicaNodes(List.of(node.id())).setIsrNodes(List.of(node.id()));
        MetadataResponseData.MetadataResponseTopic topic = new MetadataResponseData.MetadataResponseTopic()
                .setName(TOPIC).setTopicId(TOPIC_ID).setPartitions(List.of(partition));
        metadata.updateWithCurrentRequestVersion(MetadataResponse.prepareResponse(true, 0, List.of(node), "c",
                node.id(), List.of(topic), MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED), false, now);
    }

    /** Record values appended so far, in offset order. */
    List<String> values() {
        synchronized (values) {
            return new ArrayList<>(values);
        }
    }

    synchronized int corruptBatches() {
        return corruptBatches;
    }

    @Override
    public synchronized void send(ClientRequest request, long now) {
        AbstractRequest.Builder<?> builder = request.requestBuilder();
        short version = builder.latestAllowedVersion();
        AbstractResponse body;
        if (builder.apiKey() == ApiKeys.INIT_PRODUCER_ID) {
            body = new InitProducerIdResponse(new InitProducerIdResponseData().setProducerId(7).setProducerEpoch((short) 0));
        } else if (builder.apiKey() == ApiKeys.PRODUCE) {
            body = produce((ProduceRequest) builder.build(version));
        } else {
            throw new IllegalStateException("the in-process broker does not answer " + builder.apiKey());
        }
        RequestHeader header = new RequestHeader(builder.apiKey(), version, "kqat-test", request.correlationId());
        answers.add(new ClientResponse(header, request.callback(), request.destination(), request.createdTimeMs(), now,
                false, null, null, body));
        notifyAll();
    }

    private ProduceResponse produce(ProduceRequest request) {
        ProduceResponseData data = new ProduceResponseData();
        for (ProduceRequestData.TopicProduceData topic : request.data().topicData()) {
            ProduceResponseData.TopicProduceResponse answer = new ProduceResponseData.TopicProduceResponse()
                    .setName(topic.name()).setTopicId(topic.topicId());
            for (ProduceRequestData.PartitionProduceData p : topic.partitionData()) {
                answer.partitionResponses().add(append(p));
            }
            data.responses().add(answer);
        }
        return new ProduceResponse(data);
    }

    private ProduceResponseData.PartitionProduceResponse append(ProduceRequestData.PartitionProduceData p) {
        ProduceResponseData.PartitionProduceResponse r = new ProduceResponseData.PartitionProduceResponse()
                .setIndex(p.index());
        List<String> read = new ArrayList<>();
        try {
            for (RecordBatch batch : ((MemoryRecords) p.records()).batches()) {
                batch.ensureValid();
                for (Record record : batch) {
                    read.add(StandardCharsets.UTF_8.decode(record.value()).toString());
                }
            }
        } catch (RuntimeException e) {
            corruptBatches++;
            return r.setErrorCode(Errors.CORRUPT_MESSAGE.code()).setErrorMessage(e.toString());
        }
        values.addAll(read);
        r.setBaseOffset(nextOffset);
        nextOffset += read.size();
        return r.setErrorCode(Errors.NONE.code());
    }

    @Override
    public synchronized List<ClientResponse> poll(long timeout, long now) {
        if (answers.isEmpty() && timeout > 0 && !closed) {
            try {
                wait(Math.min(timeout, 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ClientResponse> done = new ArrayList<>(answers);
        answers.clear();
        done.forEach(ClientResponse::onComplete); // as NetworkClient completes what it returns
        return done;
    }

    @Override
    public ClientRequest newClientRequest(String nodeId, AbstractRequest.Builder<?> builder, long createdTimeMs,
                                          boolean expectResponse) {
        return newClientRequest(nodeId, builder, createdTimeMs, expectResponse, 30_000, null);
    }

    @Override
    public ClientRequest newClientRequest(String nodeId, AbstractRequest.Builder<?> builder, long createdTimeMs,
                                          boolean expectResponse, int requestTimeoutMs,
                                          RequestCompletionHandler callback) {
        return new ClientRequest(nodeId, builder, 0, "kqat-test", createdTimeMs, expectResponse, requestTimeoutMs,
                callback);
    }

    @Override
    public boolean isReady(Node n, long now) {
        return true;
    }

    @Override
    public boolean ready(Node n, long now) {
        return true;
    }

    @Override
    public long connectionDelay(Node n, long now) {
        return 0;
    }

    @Override
    public long pollDelayMs(Node n, long now) {
        return 0;
    }

    @Override
    public boolean connectionFailed(Node n) {
        return false;
    }

    @Override
    public AuthenticationException authenticationException(Node n) {
        return null;
    }

    @Override
    public void disconnect(String nodeId) {
    }

    @Override
    public void close(String nodeId) {
    }

    @Override
    public LeastLoadedNode leastLoadedNode(long now) {
        return new LeastLoadedNode(node, true);
    }

    @Override
    public synchronized int inFlightRequestCount() {
        return answers.size();
    }

    @Override
    public synchronized boolean hasInFlightRequests() {
        return !answers.isEmpty();
    }

    @Override
    public int inFlightRequestCount(String nodeId) {
        return inFlightRequestCount();
    }

    @Override
    public boolean hasInFlightRequests(String nodeId) {
        return hasInFlightRequests();
    }

    @Override
    public boolean hasReadyNodes(long now) {
        return true;
    }

    @Override
    public synchronized void wakeup() {
        notifyAll();
    }

    @Override
    public synchronized void initiateClose() {
        closed = true;
        notifyAll();
    }

    @Override
    public synchronized boolean active() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
