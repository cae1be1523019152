import dev.gantry.it.ItEcr
import dev.gantry.it.ItRegistry
import dev.gantry.testing.EcrStandIn
import groovy.json.JsonSlurper
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.ecr.EcrClient
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Created the ECR repository orders (account 123456789012, region us-east-1):')
def calls = ItEcr.calls(basedir)
assert calls.count('CreateRepository') == 1
// created before anything was looked up or pushed
assert calls.indexOf('PutLifecyclePolicy') < calls.findIndexOf { it.startsWith('PUT manifests/') }
assert ItRegistry.of(basedir).tags('orders').containsAll(['1.1.0', 'latest'])

// read back through ECR's API, as AWS would answer it
def endpoint = new File(basedir, '.mvn/jvm.config').readLines().find { it.startsWith('-Daws.endpointUrlEcr=') }
        .substring('-Daws.endpointUrlEcr='.length())
def ecr = EcrClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(EcrStandIn.ACCESS_KEY_ID,
                EcrStandIn.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create()).build()
try {
    def repository = ecr.describeRepositories(DescribeRepositoriesRequest.builder().repositoryNames('orders').build())
            .repositories()[0]
    assert repository.imageTagMutabilityAsString() == 'IMMUTABLE_WITH_EXCLUSION'
    assert repository.imageTagMutabilityExclusionFilters()*.filter() as Set == ['latest', '*-SNAPSHOT', 'develop', 'dev-latest'] as Set
    assert repository.imageScanningConfiguration().scanOnPush()
    assert repository.encryptionConfiguration().encryptionTypeAsString() == 'AES256'
    def policy = new JsonSlurper().parseText(ecr.getLifecyclePolicy(GetLifecyclePolicyRequest.builder()
            .repositoryName('orders').build()).lifecyclePolicyText())
    assert policy.rules*.rulePriority == [1, 2, 3, 4, 5]
    assert policy.rules*.selection*.tagPatternList == [['latest'], ['dev-latest'], ['*-SNAPSHOT'], ['*.*.*'], null]
    assert policy.rules*.selection*.countType == ['imageCountMoreThan', 'imageCountMoreThan', 'sinceImagePushed',
                                                  'imageCountMoreThan', 'sinceImagePushed']
    assert policy.rules[4].selection.tagStatus == 'any' && policy.rules[4].selection.countNumber == 60
} finally {
    ecr.close()
}
return true
