#!/usr/bin/env bash
# One Apache Kafka broker+controller (KRaft) on 127.0.0.1:9092, fetched from Maven Central by
# its coordinates, data under .deploy/kafka. Safe to repeat: a running broker is left alone.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_HOME="$STATE/kafka"
LIBS="$KAFKA_HOME/libs-$KAFKA_VERSION"
DATA="$KAFKA_HOME/data"
mkdir -p "$KAFKA_HOME"

if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
  log "Kafka already listening on $KAFKA_HOST:$KAFKA_PORT"
  exit 0
fi

if [ ! -f "$LIBS/.complete" ]; then
  log "fetching org.apache.kafka:kafka_2.13:$KAFKA_VERSION and its dependencies with Maven"
  rm -rf "$LIBS"
  mvn -B -q -f "$ROOT/deploy/local/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS"
  touch "$LIBS/.complete"
fi

cat > "$KAFKA_HOME/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# The default 128 MiB dedupe buffer does not fit the small heap we give the broker.
log.cleaner.dedupe.buffer.size=4194304
log.cleaner.threads=1
num.network.threads=2
num.io.threads=4
PROPS

CP="$LIBS/*"
JAVA_OPTS=(-Xms256m -Xmx768m -XX:+UseG1GC -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.xml")

# Format once: formatting again with another cluster id fails against existing data.
if [ ! -f "$DATA/meta.properties" ]; then
  [ -f "$KAFKA_HOME/cluster.id" ] || java -cp "$CP" "${JAVA_OPTS[@]}" kafka.tools.StorageTool random-uuid > "$KAFKA_HOME/cluster.id"
  log "formatting KRaft storage (cluster $(cat "$KAFKA_HOME/cluster.id"))"
  java -cp "$CP" "${JAVA_OPTS[@]}" kafka.tools.StorageTool format \
       -t "$(cat "$KAFKA_HOME/cluster.id")" -c "$KAFKA_HOME/server.properties" >/dev/null
fi

log "starting Kafka $KAFKA_VERSION (log: $KAFKA_HOME/kafka.log)"
nohup java -cp "$CP" "${JAVA_OPTS[@]}" kafka.Kafka "$KAFKA_HOME/server.properties" \
      > "$KAFKA_HOME/kafka.log" 2>&1 < /dev/null &
echo $! > "$KAFKA_HOME/kafka.pid"
if ! wait_for 90 "Kafka on $KAFKA_HOST:$KAFKA_PORT" port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
  tail -n 40 "$KAFKA_HOME/kafka.log" >&2
  exit 1
fi
log "Kafka ready on $KAFKA_HOST:$KAFKA_PORT (pid $(cat "$KAFKA_HOME/kafka.pid"))"
