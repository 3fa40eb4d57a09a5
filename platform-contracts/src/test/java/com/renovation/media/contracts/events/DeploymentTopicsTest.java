package com.renovation.media.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployment files name topics in shell scripts, which cannot read the registry: docker-compose.yml's and the
 * Kubernetes Job's topic creation must make exactly the registry's event and dead-letter topics, and
 * deploy/kafka-acls.sh must grant each service exactly the topics and group the registry gives it.
 */
class DeploymentTopicsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern TOPIC_LOOP = Pattern.compile("for topic in (.*?); do", Pattern.DOTALL);
    private static final Pattern GRANT = Pattern.compile("^allow_(read|write|group|topic_admin) (\\S+) (.+)$",
            Pattern.MULTILINE);
    private static final Pattern VARIABLE = Pattern.compile("^([A-Z_]+)=\"([^\"]*)\"", Pattern.MULTILINE);

    private static Set<String> everyTopic() {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        topics.addAll(Topics.DEAD_LETTERS);
        return topics;
    }

    /** The words of a script's {@code for topic in ...; do} list. */
    static Set<String> createdTopics(String script) {
        Matcher loop = TOPIC_LOOP.matcher(script);
        assertThat(loop.find()).as("a `for topic in ...; do` loop").isTrue();
        return new TreeSet<>(Arrays.asList(loop.group(1).replace("\\", " ").trim().split("\\s+")));
    }

    private static JsonNode yaml(String path) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve(path).toFile());
    }

    @Test
    void composeCreatesExactlyTheEventAndDeadLetterTopics() throws Exception {
        JsonNode command = yaml("docker-compose.yml").at("/services/kafka-topics/command");
        assertThat(createdTopics(command.get(0).asText())).containsExactlyElementsOf(everyTopic());
    }

    @Test
    void theKubernetesJobCreatesExactlyTheEventAndDeadLetterTopics() throws Exception {
        JsonNode args = yaml("deploy/base/kafka-topics-job.yaml").at("/spec/template/spec/containers/0/args");
        assertThat(createdTopics(args.get(0).asText())).containsExactlyElementsOf(everyTopic());
    }

    @Test
    void theAclScriptGrantsEachServiceExactlyWhatTheRegistryGivesIt() throws Exception {
        Map<String, Map<String, Set<String>>> grants = grants(Files.readString(ROOT.resolve("deploy/kafka-acls.sh")));
        for (PlatformService service : PlatformService.values()) {
            Set<String> writes = new TreeSet<>(service.deadLetters());
            service.produces().forEach(topic -> writes.add(topic.topicName()));
            Map<String, Set<String>> granted = grants.getOrDefault(service.serviceName(), Map.of());
            assertThat(granted.get("read")).as(service + " reads")
                    .containsExactlyInAnyOrderElementsOf(service.consumes().stream().map(Topic::topicName).toList());
            assertThat(granted.get("write")).as(service + " writes").containsExactlyInAnyOrderElementsOf(writes);
            assertThat(granted.get("group")).as(service + " groups").containsExactly(service.consumerGroup());
            assertThat(granted).as(service + " creates no topics").doesNotContainKey("topic_admin");
        }
        assertThat(grants.get("kafka-topics")).as("the topic Job's grants").containsOnlyKeys("topic_admin");
        assertThat(grants.get("kafka-topics").get("topic_admin")).containsExactlyInAnyOrderElementsOf(everyTopic());
        assertThat(grants).containsOnlyKeys(principals());
    }

    private static List<String> principals() {
        List<String> principals = new ArrayList<>(
                Arrays.stream(PlatformService.values()).map(PlatformService::serviceName).toList());
        principals.add("kafka-topics");
        return principals;
    }

    /** principal -> kind of grant -> topics or groups, with the script's {@code $VARIABLES} expanded. */
    static Map<String, Map<String, Set<String>>> grants(String script) {
        String text = script.replace("\\\n", " ");
        Map<String, String> variables = new HashMap<>();
        Matcher variable = VARIABLE.matcher(text);
        while (variable.find()) {
            variables.put(variable.group(1), variable.group(2));
        }
        Map<String, Map<String, Set<String>>> grants = new HashMap<>();
        Matcher grant = GRANT.matcher(text);
        while (grant.find()) {
            Set<String> names = grants.computeIfAbsent(grant.group(2), principal -> new HashMap<>())
                    .computeIfAbsent(grant.group(1), kind -> new LinkedHashSet<>());
            for (String word : grant.group(3).trim().split("\\s+")) {
                names.addAll(word.startsWith("$")
                        ? Arrays.asList(variables.getOrDefault(word.substring(1), "").split("\\s+"))
                        : List.of(word));
            }
        }
        return grants;
    }
}
