variable "ecs" {
  description = "Optional AWS runtime: both images on ECS Fargate behind an Application Load Balancer (see modules/ecs-fargate). null creates only the tables and the policies."
  type = object({
    vpc_id             = string
    public_subnet_ids  = list(string)
    private_subnet_ids = list(string)
    assign_public_ip   = optional(bool, false)
    certificate_arn    = optional(string)
    app_url            = string
    api_image          = string
    web_image          = string
    api_environment    = optional(map(string), {})
    api_secrets        = map(string)
    web_environment    = optional(map(string), {})
    api_desired_count  = optional(number, 1)
    web_desired_count  = optional(number, 1)
  })
  default = null
}

module "ecs" {
  source = "./modules/ecs-fargate"
  count  = var.ecs == null ? 0 : 1

  name               = var.name
  aws_region         = var.aws_region
  vpc_id             = var.ecs.vpc_id
  public_subnet_ids  = var.ecs.public_subnet_ids
  private_subnet_ids = var.ecs.private_subnet_ids
  assign_public_ip   = var.ecs.assign_public_ip
  certificate_arn    = var.ecs.certificate_arn
  app_url            = var.ecs.app_url
  api_image          = var.ecs.api_image
  web_image          = var.ecs.web_image
  api_policy_arn     = aws_iam_policy.api.arn
  table_env          = local.table_env
  api_environment    = merge({ S3_BUCKET_NAME = aws_s3_bucket.files.bucket }, var.ecs.api_environment)
  api_secrets        = var.ecs.api_secrets
  web_environment    = var.ecs.web_environment
  api_desired_count  = var.ecs.api_desired_count
  web_desired_count  = var.ecs.web_desired_count
}
