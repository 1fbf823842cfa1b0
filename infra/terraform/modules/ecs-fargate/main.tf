# The two images on ECS Fargate behind one Application Load Balancer: API paths (/trpc with its
# WebSockets, /api/v1 webhooks, /health, /docs) go to the API, everything else to the web app, so the
# browser, Meta and Telegram all talk to one origin. (App Runner was not an option: no WebSockets.)
locals {
  api_port = 8000
  web_port = 3000

  api_environment = merge(var.table_env, {
    APP_URL      = var.app_url
    AWS_REGION   = var.aws_region
    CORS_ORIGINS = jsonencode([trimsuffix(var.app_url, "/")])
    PORT         = tostring(local.api_port)
    # X-Forwarded-For is set by the load balancer: one trusted hop.
    TRUST_PROXY = "1"
  }, var.api_environment)

  # The load balancer routes the API's paths to the API, so the web server's proxy (which production
  # requires an address for) only sees what reaches it by the public URL.
  web_environment = merge({
    PORT             = tostring(local.web_port)
    API_INTERNAL_URL = var.app_url
  }, var.web_environment)

  # What differs between the two containers; the rest of their definitions is the same.
  container_specs = {
    api = {
      image       = var.api_image
      port        = local.api_port
      environment = local.api_environment
      health      = ["CMD", "node", "healthcheck.mjs"]
      log_group   = aws_cloudwatch_log_group.api.name
      extra = {
        secrets = [for name, arn in var.api_secrets : { name = name, valueFrom = arn }]
        # Time for in-flight turns and WebSocket goodbyes after SIGTERM.
        stopTimeout = 30
      }
    }
    web = {
      image       = var.web_image
      port        = local.web_port
      environment = local.web_environment
      health      = ["CMD", "node", "healthcheck.mjs", "/health/web"]
      log_group   = aws_cloudwatch_log_group.web.name
      extra       = {}
    }
  }

  containers = {
    for name, spec in local.container_specs : name => merge({
      name         = name
      image        = spec.image
      essential    = true
      portMappings = [{ containerPort = spec.port, protocol = "tcp" }]
      environment  = [for key, value in spec.environment : { name = key, value = value }]
      # Liveness (/health/live): ECS replaces a task whose process stopped answering, never one that is
      # only waiting for DynamoDB. Readiness (/health) is the load balancer's, in load-balancer.tf.
      healthCheck = {
        command     = spec.health
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = spec.log_group
          "awslogs-region"        = var.aws_region
          "awslogs-stream-prefix" = name
        }
      }
    }, spec.extra)
  }
}

data "aws_partition" "current" {}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/${var.name}/api"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/${var.name}/web"
  retention_in_days = var.log_retention_days
}

# What differs between the two tasks and their services; the rest of their definitions is the same.
locals {
  services = {
    api = {
      cpu           = var.api_cpu
      memory        = var.api_memory
      task_role     = aws_iam_role.api_task.arn
      desired_count = var.api_desired_count
      target_group  = aws_lb_target_group.api.arn
      port          = local.api_port
    }
    web = {
      cpu           = var.web_cpu
      memory        = var.web_memory
      task_role     = null
      desired_count = var.web_desired_count
      target_group  = aws_lb_target_group.web.arn
      port          = local.web_port
    }
  }
}

resource "aws_ecs_task_definition" "this" {
  for_each = local.services

  family                   = "${var.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = each.value.task_role

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([local.containers[each.key]])
}

resource "aws_ecs_service" "this" {
  for_each = local.services

  name                              = "${var.name}-${each.key}"
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.this[each.key].arn
  desired_count                     = each.value.desired_count
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 60

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = var.assign_public_ip
  }

  load_balancer {
    target_group_arn = each.value.target_group
    container_name   = each.key
    container_port   = each.value.port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    precondition {
      condition     = each.key != "api" || var.api_desired_count <= 1 || contains(keys(merge(var.api_environment, var.api_secrets)), "REDIS_URL")
      error_message = "More than one API task needs REDIS_URL (in api_environment or api_secrets) so real-time events reach every replica."
    }
  }

  # Each service starts once the load balancer routes to it (depends_on cannot differ per instance).
  depends_on = [aws_lb_listener.http, aws_lb_listener_rule.api, aws_lb_listener_rule.api_pages]
}

# The tasks and services were two resources each before; these keep existing deployments from
# replacing them.
moved {
  from = aws_ecs_task_definition.api
  to   = aws_ecs_task_definition.this["api"]
}

moved {
  from = aws_ecs_task_definition.web
  to   = aws_ecs_task_definition.this["web"]
}

moved {
  from = aws_ecs_service.api
  to   = aws_ecs_service.this["api"]
}

moved {
  from = aws_ecs_service.web
  to   = aws_ecs_service.this["web"]
}
