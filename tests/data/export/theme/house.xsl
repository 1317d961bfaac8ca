<?xml version="1.0" encoding="UTF-8"?>
<!-- A team's own rendering of a few elements; everything else stays teikit's. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <!-- a person's name as a link to the project's index -->
  <xsl:template match="tei:persName[@ref]">
    <a class="person" href="https://example.org/people/{substring-after(@ref, '#')}"><xsl:apply-templates/></a>
  </xsl:template>
  <!-- places and organisations in small capitals, their content left to teikit -->
  <xsl:template match="tei:placeName | tei:orgName">
    <span class="house-name" data-kind="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- a division heading numbered by the team's own scheme -->
  <xsl:template match="tei:div/tei:head">
    <h2 class="house-head">§ <xsl:value-of select="count(../preceding-sibling::tei:div) + 1"/>. <xsl:apply-templates/></h2>
  </xsl:template>
</xsl:stylesheet>
