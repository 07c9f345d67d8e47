package org.shangliang.topics.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.shangliang.commons.events.EventsConfig;
import org.shangliang.commons.events.KafkaClients;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.domain.DirectoryRepository;
import org.shangliang.topics.domain.Territory;
import org.shangliang.topics.domain.TerritoryKind;
import org.shangliang.topics.domain.Unit;
import org.shangliang.topics.messaging.out.DirectoryStream;
import org.shangliang.topics.messaging.out.TerritoryRecorded;
import org.shangliang.topics.messaging.out.UnitRecorded;

/**
 * Seeds the directory with a county's territories and units at start
 * ({@code shangliang.directory.seed}: {@code jiashan}, the reference county, or {@code none}).
 * Only entries that are missing are added, each with its event and audit record, so a restart or
 * a second replica adds nothing twice and staff changes to seeded entries are kept.
 */
@ApplicationScoped
public class DirectorySeed {

    private static final Logger LOG = Logger.getLogger(DirectorySeed.class);
    /** Advisory lock key ("dirseed"): replicas starting together seed one after the other. */
    private static final long SEED_LOCK = 0x6469727365656444L;

    record SeedTerritory(String code, String name, List<String> members) {
    }

    record SeedUnit(String code, String name, String territoryCode) {
    }

    record Seed(String description, List<SeedTerritory> territories, List<SeedUnit> units) {
    }

    @ConfigProperty(name = "shangliang.directory.seed", defaultValue = "jiashan") String seedName;
    @Inject DirectoryRepository directory;
    @Inject Outbox outbox;
    @Inject Audit audit;
    @Inject ObjectMapper json;
    @Inject DirectoryService directoryService;
    @Inject EventsConfig config;
    @Inject KafkaClients clients;

    void onStart(@Observes StartupEvent ignored) {
        int added = 0;
        if (!"none".equals(seedName)) {
            Seed seed = read(seedName);
            added = QuarkusTransaction.requiringNew().call(() -> apply(seed));
            if (added > 0) LOG.infof("directory seed %s: %d entries added", seedName, added);
        }
        // The compacted topic is the other services' directory: when it has been lost (a new Kafka
        // cluster, a new namespace) while this database kept the entries, publish them all again.
        // Before readiness, so that "ready and outbox drained" means the directory is on its way.
        if (added == 0 && directoryTopicIsEmpty()) {
            int republished = QuarkusTransaction.requiringNew().call(() -> directoryService.republishAll(Caller.system("directory-seed")));
            if (republished > 0) LOG.infof("the directory topic %s was empty: %d entries published again", config.topic(DirectoryStream.NAME), republished);
        }
    }

    /** True when the directory topic is missing or holds no record; false when Kafka cannot tell now (nothing is republished then). */
    private boolean directoryTopicIsEmpty() {
        String topic = config.topic(DirectoryStream.NAME);
        try (Admin admin = Admin.create(clients.admin())) {
            var described = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            long records = 0;
            for (var offset : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values()) records += offset.offset();
            return records == 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) return true;
            LOG.warnf("cannot tell whether the directory topic %s holds the directory: %s", topic, e.getCause());
            return false;
        } catch (Exception e) {
            LOG.warnf("cannot tell whether the directory topic %s holds the directory: %s", topic, e.toString());
            return false;
        }
    }

    private Seed read(String name) {
        try (InputStream in = DirectorySeed.class.getResourceAsStream("/directory/" + name + ".json")) {
            if (in == null) throw new IllegalStateException("no directory seed named " + name + " (shangliang.directory.seed: a file in directory/, or none)");
            return json.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read directory seed " + name, e);
        }
    }

    private int apply(Seed seed) {
        directory.lock(SEED_LOCK);
        Caller system = Caller.system("directory-seed");
        int added = 0;
        Set<String> territories = directory.existingCodes(Territory.class, seed.territories().stream().map(SeedTerritory::code).toList());
        List<SeedUnit> units = seed.units() == null ? List.of() : seed.units();
        Set<String> unitCodes = directory.existingCodes(Unit.class, units.stream().map(SeedUnit::code).toList());
        for (SeedTerritory s : seed.territories()) {
            if (territories.contains(s.code())) continue;
            TerritoryKind kind = TerritoryKind.of(s.code());
            if (kind == null) throw new IllegalStateException("seed territory code " + s.code() + " is neither a division code nor a cross-region code");
            String parent = kind.parentKind() == null ? null : s.code().substring(0, s.code().length() - 3);
            Territory t = Territory.create(s.code(), s.name(), parent, s.members());
            directory.persist(t);
            directory.flush();
            outbox.publish(TerritoryRecorded.of(t));
            audit.record(system, "directory.territory.seed", "Territory", t.code(), t.name());
            added++;
        }
        for (SeedUnit s : units) {
            if (unitCodes.contains(s.code())) continue;
            Unit u = Unit.create(s.code(), s.name(), s.territoryCode());
            directory.persist(u);
            directory.flush();
            outbox.publish(UnitRecorded.of(u));
            audit.record(system, "directory.unit.seed", "Unit", u.code(), u.name());
            added++;
        }
        return added;
    }
}
